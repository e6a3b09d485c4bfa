import { InstitutionType } from '../../institutions/institution.entity';

/** Fictitious institutions: codes and names are made up, any likeness to a real hospital is chance. */
export const demoInstitutions: { code: string; name: string; type: InstitutionType; active?: boolean; units: string[] }[] = [
  { code: '11111111', name: 'Universitair Medisch Centrum Zuidermeer', type: InstitutionType.UMC, units: ['Hoofdlocatie', 'Kinderziekenhuis Zuidermeer'] },
  { code: '12040017', name: 'Amstelwaard Academisch Ziekenhuis', type: InstitutionType.UMC, units: ['Hoofdlocatie'] },
  { code: '13180025', name: 'Ziekenhuis De Lindenhof', type: InstitutionType.GENERAL, units: ['Hoofdlocatie', 'Locatie Bosrand'] },
  { code: '14250033', name: 'Rijnoever Ziekenhuis', type: InstitutionType.GENERAL, units: ['Hoofdlocatie'] },
  { code: '15330041', name: 'Maasdal Medisch Centrum', type: InstitutionType.GENERAL, units: ['Hoofdlocatie', 'Locatie Heerbrug', 'Locatie Stevensweert'] },
  { code: '16410059', name: 'Ziekenhuis Hof van Eemland', type: InstitutionType.GENERAL, units: ['Hoofdlocatie'] },
  { code: '17520067', name: 'Zorggroep Noorderkwartier', type: InstitutionType.GENERAL, units: ['Hoofdlocatie', 'Locatie Schagerbrug'] },
  { code: '18630075', name: 'Ziekenhuis Waterland-Oost', type: InstitutionType.GENERAL, units: ['Hoofdlocatie'] },
  { code: '19740083', name: 'Medisch Centrum Veluwezoom', type: InstitutionType.GENERAL, units: ['Hoofdlocatie', 'Polikliniek Dieren'] },
  { code: '20850091', name: 'IJsselvallei Ziekenhuis', type: InstitutionType.GENERAL, units: ['Hoofdlocatie'] },
  { code: '21960104', name: 'Ziekenhuis Kempenland', type: InstitutionType.GENERAL, units: ['Hoofdlocatie', 'Locatie Bergeijk'] },
  { code: '22070112', name: 'Oogziekenhuis Duinzicht', type: InstitutionType.CATEGORICAL, units: ['Hoofdlocatie', 'Oogkliniek Noordwijkerhout'] },
  { code: '23180120', name: 'Kankerinstituut Vondelpark', type: InstitutionType.CATEGORICAL, units: ['Hoofdlocatie'] },
  { code: '24290138', name: 'Ziekenhuis Gelderse Poort', type: InstitutionType.GENERAL, units: ['Hoofdlocatie'] },
  { code: '25300146', name: 'Medisch Centrum Twenteborg', type: InstitutionType.GENERAL, units: ['Hoofdlocatie', 'Hartcentrum Twenteborg'] },
  { code: '26410154', name: 'Ziekenhuis Zeeuwse Stromen', type: InstitutionType.GENERAL, units: ['Hoofdlocatie', 'Locatie Zierikzee'] },
  { code: '27520162', name: 'Friese Wouden Ziekenhuis', type: InstitutionType.GENERAL, units: ['Hoofdlocatie'] },
  { code: '28630170', name: 'Ziekenhuis Groene Hart-West', type: InstitutionType.GENERAL, units: ['Hoofdlocatie'] },
  { code: '29740189', name: 'Medisch Spectrum Drentse Aa', type: InstitutionType.GENERAL, units: ['Hoofdlocatie', 'Locatie Gieten'] },
  { code: '30850197', name: 'Hartkliniek Brabantse Wal', type: InstitutionType.CATEGORICAL, units: ['Hoofdlocatie'] },
  { code: '31960200', name: 'Ziekenhuis Vechtstreek', type: InstitutionType.GENERAL, active: false, units: ['Hoofdlocatie'] },
];
