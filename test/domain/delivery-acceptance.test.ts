import { expect } from 'chai';
import { deliveryAcceptance } from '../../server/src/institutions/delivery-acceptance';
import { InstitutionUnit } from '../../server/src/institutions/institution-unit.entity';
import { Institution, InstitutionType } from '../../server/src/institutions/institution.entity';

function institution(active: boolean): Institution {
  return Object.assign(new Institution(), { code: '31415926', name: 'Ziekenhuis Pi', type: InstitutionType.GENERAL, active });
}

function unit(closedFrom: string | null): InstitutionUnit {
  return Object.assign(new InstitutionUnit(), { number: 2, name: 'Locatie Oost', closedFrom });
}

describe('delivery acceptance: deactivated institutions and closed units', () => {
  it('accepts a delivery at an active institution for an open unit', () => {
    expect(deliveryAcceptance('nl', institution(true), unit(null), '2026-12-03')).to.equal(null);
  });

  it('refuses a deactivated institution as INSTITUTION_INACTIVE naming it', () => {
    const refused = deliveryAcceptance('nl', institution(false), unit(null), '2026-12-03');
    expect(refused).to.deep.include({ code: 'INSTITUTION_INACTIVE', field: 'institutionCode' });
    expect(refused?.message).to.include('Ziekenhuis Pi').and.include('31415926');
  });

  it('refuses from the closing date on, naming unit and date, and accepts the day before', () => {
    const onTheDay = deliveryAcceptance('en', institution(true), unit('2026-12-03'), '2026-12-03');
    expect(onTheDay).to.deep.include({ code: 'UNIT_CLOSED', field: 'unit' });
    expect(onTheDay?.message).to.include('Locatie Oost').and.include('2026-12-03');
    expect(deliveryAcceptance('en', institution(true), unit('2026-12-03'), '2026-12-02')).to.equal(null);
  });
});
