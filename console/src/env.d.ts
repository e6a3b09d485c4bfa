/// <reference types="vite/client" />

import type { MessageSchema } from './i18n/nl';

// Key completion for `t('…')` from the Dutch messages (vue-i18n still accepts any string key;
// English parity is checked by `en: MessageSchema`).
declare module 'vue-i18n' {
  export interface DefineLocaleMessage extends MessageSchema {}
}
