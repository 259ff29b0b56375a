import { config } from 'zod/mini';
import { en } from 'zod/locales';

/*
 * The zod every schema in the product is written in: zod/mini, whose functions tree-shake, where
 * classic zod's methods hang off prototypes and put ~450 KB into every Lambda bundle (issue #9).
 *
 * Unlike classic zod, zod/mini loads no locale, and every message we do not write ourselves would
 * read "Invalid input". English is loaded here, by the module every schema imports, so zod's own
 * messages ("Invalid input: expected string, received number") are the same as they were.
 */
config(en());

export * from 'zod/mini';
