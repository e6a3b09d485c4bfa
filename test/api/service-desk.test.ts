import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../server/src/kernel/config';
import { graphql } from '../support/client';
import { startTestServer } from '../support/server';

const QUERY = '{ serviceDesk { helpUrl email phone } }';

describe('service desk: the help link and contact from the configuration', () => {
  it('gives everyone, also before login, the configured help link, e-mail address and phone number', async () => {
    const server = await startTestServer({
      DATAHUB_HELP_URL: 'https://help.datahub.example/handleiding',
      DATAHUB_SERVICE_DESK_EMAIL: 'servicedesk@datahub.example',
      DATAHUB_SERVICE_DESK_PHONE: '+31 30 123 45 67',
    });
    const response = await graphql(server.url, QUERY);
    expect(response.errors).to.equal(undefined);
    expect(response.data).to.deep.equal({
      serviceDesk: { helpUrl: 'https://help.datahub.example/handleiding', email: 'servicedesk@datahub.example', phone: '+31 30 123 45 67' },
    });
  });

  it('leaves each unset (or empty) setting null', () => {
    const config = loadConfig({ DATAHUB_SERVICE_DESK_EMAIL: '' });
    expect(config.serviceDesk).to.deep.equal({ helpUrl: null, email: null, phone: null });
  });

  it('stops the start on a bad value with a sentence naming the variable', () => {
    const bad = { DATAHUB_HELP_URL: 'javascript:alert(1)', DATAHUB_SERVICE_DESK_EMAIL: 'servicedesk', DATAHUB_SERVICE_DESK_PHONE: 'call us' };
    expect(() => loadConfig(bad)).to.throw(ConfigError);
    try {
      loadConfig(bad);
    } catch (error) {
      const problems = (error as ConfigError).problems.join(' ');
      expect(problems).to.include('DATAHUB_HELP_URL must be an http(s) URL');
      expect(problems).to.include('DATAHUB_SERVICE_DESK_EMAIL must be an e-mail address');
      expect(problems).to.include('DATAHUB_SERVICE_DESK_PHONE must be a phone number');
    }
  });
});
