import { graphql } from '../graphql/generated';

/** The operator's help link and service desk contact (public: the header shows it before login too). */
export const serviceDeskQuery = graphql(`
  query ServiceDesk {
    serviceDesk {
      helpUrl
      email
      phone
    }
  }
`);
