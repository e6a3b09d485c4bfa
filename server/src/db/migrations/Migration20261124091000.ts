import { Migration } from '@mikro-orm/migrations';

/**
 * Uploads now store a file name without bidirectional controls (a right-to-left override shows
 * "uitvoer\u202Egpj.csv" as "uitvoerjpg.csv") and control characters (deliveries/delivery-file-name.ts);
 * names stored before lose them here, so the console and exports show no reordered name either.
 * The same characters as there: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, C0, DEL, C1.
 */
const INVISIBLE_IN_FILE_NAMES = '[\\u0001-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]';

export class Migration20261124091000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "delivery" set "file_name" = regexp_replace("file_name", '${INVISIBLE_IN_FILE_NAMES}', '', 'g') where "file_name" ~ '${INVISIBLE_IN_FILE_NAMES}';`);
  }

  override async down(): Promise<void> {
    // The characters left out are not kept anywhere: nothing to restore.
  }
}
