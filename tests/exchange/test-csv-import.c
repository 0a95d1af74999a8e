/* test-csv-import.c
 *
 * Copyright 2026 The Kompetenz authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "exchange-test-util.h"

static KzCsvImport *
import_text (KzStore    *store,
             KzKind      kind,
             const char *text,
             gssize      length,
             GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize)length);

  return kz_csv_import_new_for_bytes (store, kind, bytes, error);
}

static KzCsvImport *
import_ok (KzStore    *store,
           KzKind      kind,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  KzCsvImport *import = import_text (store, kind, text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static void
run_ok (KzCsvImport   *import,
        KzUndoManager *undo)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kz_csv_import_run (import, undo, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
save_org (KzStore    *store,
          const char *name,
          const char *city,
          gint64      staff)
{
  g_autoptr(KzRecord) org = kz_record_new (KZ_KIND_ORGANISATION);
  g_autoptr(GError) error = NULL;

  kz_record_set_string (org, "name", name);
  if (city != NULL)
    kz_record_set_string (org, "city", city);
  kz_record_set_int (org, "staff", staff);
  kz_record_set_string (org, "phone", "0511 123");
  g_assert_true (kz_store_save (store, org, &error));
  g_assert_no_error (error);
}

static void
assert_exists (KzStore    *store,
               const char *name)
{
  g_autoptr(KzRecord) org = test_find_by_title (store, KZ_KIND_ORGANISATION, name);

  g_assert_nonnull (org);
}

/* --- Encodings and separators --------------------------------------- */

static void
test_utf8_bom (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzCsvImport) import = import_ok (t->store, KZ_KIND_ORGANISATION,
    "\xEF\xBB\xBFName;Ort;PLZ;Landkreis;Mitarbeitende;Spitzenverband\r\n"
    "Diakonie Göttingen;Göttingen;37073;Göttingen;120;Diakonie\r\n"
    "AWO Lüneburg;Lüneburg;21335;03355;1500;awo\r\n");
  g_autoptr(KzRecord) a = NULL;
  g_autoptr(KzRecord) b = NULL;

  g_assert_cmpint (kz_csv_import_get_encoding (import), ==, KZ_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpint (kz_csv_import_get_separator (import), ==, ';');
  g_assert_cmpuint (kz_csv_import_get_n_columns (import), ==, 6);
  g_assert_cmpstr (kz_csv_import_get_header (import, 0), ==, "Name");
  g_assert_cmpstr (kz_csv_import_get_column_field (import, 0), ==, "name");
  g_assert_cmpstr (kz_csv_import_get_column_field (import, 1), ==, "city");
  g_assert_cmpstr (kz_csv_import_get_column_field (import, 2), ==, "postcode");
  g_assert_cmpstr (kz_csv_import_get_column_field (import, 3), ==, "district");
  g_assert_cmpstr (kz_csv_import_get_column_field (import, 4), ==, "staff");
  g_assert_cmpstr (kz_csv_import_get_column_field (import, 5), ==, "umbrella");

  run_ok (import, NULL);
  g_assert_cmpuint (kz_csv_import_get_n_created (import), ==, 2);
  a = test_find_by_title (t->store, KZ_KIND_ORGANISATION, "Diakonie Göttingen");
  b = test_find_by_title (t->store, KZ_KIND_ORGANISATION, "AWO Lüneburg");
  g_assert_cmpstr (kz_record_get_string (a, "district"), ==, "03159");
  g_assert_cmpstr (kz_record_get_string (a, "umbrella"), ==, "diakonie");
  g_assert_cmpstr (kz_record_get_string (b, "city"), ==, "Lüneburg");
  g_assert_cmpint (kz_record_get_int (b, "staff"), ==, 1500);
}

static void
test_windows_1252 (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  /* "Träger" and "Müller Straße" in Windows-1252, comma-separated. */
  const char text[] = "Name,Stra\xDF" "e,Ort\r\n"
                      "\"Caritas M\xFCller, e.V.\",M\xFClleralle\xE9 3,M\xFCnchen\r\n"
                      "Tr\xE4ger \x80 GmbH,Hauptstr. 1,K\xF6ln\r\n";
  g_autoptr(KzCsvImport) import = import_ok (t->store, KZ_KIND_ORGANISATION, text);
  g_autoptr(KzRecord) a = NULL;
  g_autoptr(KzRecord) b = NULL;

  g_assert_cmpint (kz_csv_import_get_encoding (import), ==, KZ_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpstr (kz_csv_encoding_get_name (kz_csv_import_get_encoding (import)), ==, "Windows-1252");
  g_assert_cmpint (kz_csv_import_get_separator (import), ==, ',');
  g_assert_cmpstr (kz_csv_import_get_header (import, 1), ==, "Straße");
  g_assert_cmpstr (kz_csv_import_get_column_field (import, 1), ==, "street");

  run_ok (import, NULL);
  a = test_find_by_title (t->store, KZ_KIND_ORGANISATION, "Caritas Müller, e.V.");
  b = test_find_by_title (t->store, KZ_KIND_ORGANISATION, "Träger € GmbH");
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (kz_record_get_string (a, "street"), ==, "Mülleralleé 3");
  g_assert_cmpstr (kz_record_get_string (b, "city"), ==, "Köln");
}

static void
test_tab_and_override (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzCsvImport) import = import_ok (t->store, KZ_KIND_FIRM,
    "Firma\tBranche\tMail an\tFreitext\n"
    "Nordsoft GmbH\tIT-Dienstleistung\tinfo@nordsoft.example\tirrelevant\n");
  g_autoptr(KzRecord) firm = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (kz_csv_import_get_encoding (import), ==, KZ_CSV_ENCODING_UTF8);
  g_assert_cmpint (kz_csv_import_get_separator (import), ==, '\t');
  g_assert_cmpstr (kz_csv_import_get_column_field (import, 0), ==, "name");
  g_assert_cmpstr (kz_csv_import_get_column_field (import, 1), ==, "sector");
  g_assert_null (kz_csv_import_get_column_field (import, 2));
  g_assert_null (kz_csv_import_get_column_field (import, 3));

  /* The caller maps what was not recognised, and can take a field away. */
  g_assert_true (kz_csv_import_set_column_field (import, 2, "contact_email", &error));
  g_assert_true (kz_csv_import_set_column_field (import, 3, "sector", &error));
  g_assert_null (kz_csv_import_get_column_field (import, 1));
  g_assert_false (kz_csv_import_set_column_field (import, 3, "no_such_field", &error));
  g_assert_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_MAPPING);
  g_assert_true (kz_csv_import_set_column_field (import, 3, NULL, NULL));
  g_assert_true (kz_csv_import_set_column_field (import, 1, "sector", NULL));

  run_ok (import, NULL);
  firm = test_find_by_title (t->store, KZ_KIND_FIRM, "Nordsoft GmbH");
  g_assert_cmpstr (kz_record_get_string (firm, "contact_email"), ==, "info@nordsoft.example");
  g_assert_cmpstr (kz_record_get_string (firm, "sector"), ==, "IT-Dienstleistung");
}

static void
test_separator_hint (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzCsvImport) import = import_ok (t->store, KZ_KIND_ORGANISATION,
                                             "sep=,\r\nName,Ort;Kreis\r\nA e.V.,Celle;Süd\r\n");

  g_assert_cmpint (kz_csv_import_get_separator (import), ==, ',');
  g_assert_cmpuint (kz_csv_import_get_n_columns (import), ==, 2);
  g_assert_cmpstr (kz_csv_import_get_header (import, 0), ==, "Name");
  run_ok (import, NULL);
  g_assert_cmpuint (kz_csv_import_get_n_created (import), ==, 1);
}

static void
test_choose_encoding (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzCsvImport) import = import_ok (t->store, KZ_KIND_ORGANISATION,
                                             "Name;Ort\nK\xF6ln e.V.;K\xF6ln\n");
  g_autoptr(GListModel) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KzCsvRow) row = NULL;

  g_assert_cmpint (kz_csv_import_get_encoding (import), ==, KZ_CSV_ENCODING_WINDOWS_1252);
  /* Claiming UTF-8 for bytes that are not is refused; Latin-1 works. */
  g_assert_false (kz_csv_import_set_encoding (import, KZ_CSV_ENCODING_UTF8, &error));
  g_assert_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_NOT_TEXT);
  g_assert_cmpint (kz_csv_import_get_encoding (import), ==, KZ_CSV_ENCODING_WINDOWS_1252);
  g_assert_true (kz_csv_import_set_encoding (import, KZ_CSV_ENCODING_LATIN1, NULL));

  preview = kz_csv_import_preview (import, 10, NULL);
  row = g_list_model_get_item (preview, 0);
  g_assert_cmpstr (kz_record_get_title (kz_csv_row_get_record (row)), ==, "Köln e.V.");
}

/* --- Structure ------------------------------------------------------ */

static void
test_quotes_newlines_ragged (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzCsvImport) import = import_ok (t->store, KZ_KIND_ORGANISATION,
    "Name;Ort;Notizen\r\n"
    "\"Verein \"\"Miteinander\"\"\";Celle;\"Zeile 1\r\nZeile 2; mit Semikolon\"\r\n"
    "\r\n"
    "Kurz ohne Ort\r\n"
    "Zu lang;Peine;Notiz;Überzählig\r\n"
    "Leere Zusatzzelle;Stade;;\r\n"
    "'=Formel e.V.;Verden;'+49 4231\r\n");
  g_autoptr(KzRecord) quoted = NULL;
  g_autoptr(KzRecord) formula = NULL;
  g_autoptr(KzCsvRow) rejected = NULL;

  g_assert_cmpuint (kz_csv_import_get_n_rows (import), ==, 5);
  run_ok (import, NULL);
  g_assert_cmpuint (kz_csv_import_get_n_created (import), ==, 4);
  g_assert_cmpuint (kz_csv_import_get_n_rejected (import), ==, 1);

  quoted = test_find_by_title (t->store, KZ_KIND_ORGANISATION, "Verein \"Miteinander\"");
  g_assert_nonnull (quoted);
  g_assert_cmpstr (kz_record_get_string (quoted, "notes"), ==, "Zeile 1\r\nZeile 2; mit Semikolon");
  assert_exists (t->store, "Kurz ohne Ort");
  assert_exists (t->store, "Leere Zusatzzelle");
  formula = test_find_by_title (t->store, KZ_KIND_ORGANISATION, "=Formel e.V.");
  g_assert_nonnull (formula);
  g_assert_cmpstr (kz_record_get_string (formula, "notes"), ==, "+49 4231");

  /* The blank line counts, as in a spreadsheet: "Zu lang" is row 5. */
  rejected = g_list_model_get_item (kz_csv_import_get_rejected (import), 0);
  g_assert_cmpuint (kz_csv_row_get_number (rejected), ==, 5);
  g_assert_nonnull (strstr (kz_csv_row_get_message (rejected), "4"));
}

static void
assert_refused (KzStore       *store,
                const char    *text,
                gssize         length,
                int            code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KzCsvImport) import = import_text (store, KZ_KIND_ORGANISATION, text, length, &error);

  g_assert_null (import);
  g_assert_error (error, KZ_EXCHANGE_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("refused: %s", error->message);
}

static void
test_garbage (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree guint8 *binary = g_malloc (4096);
  const char zip[] = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00";

  for (guint i = 0; i < 4096; i++)
    binary[i] = g_rand_int_range (rand, 0, 256);

  assert_refused (t->store, (const char *)binary, 4096, KZ_EXCHANGE_ERROR_NOT_TEXT);
  assert_refused (t->store, zip, sizeof zip - 1, KZ_EXCHANGE_ERROR_NOT_TEXT);
  assert_refused (t->store, "", 0, KZ_EXCHANGE_ERROR_EMPTY);
  assert_refused (t->store, "\r\n\r\n", -1, KZ_EXCHANGE_ERROR_EMPTY);
  assert_refused (t->store, "\xEF\xBB\xBFName;Ort;PLZ\r\n", -1, KZ_EXCHANGE_ERROR_EMPTY);
  assert_refused (t->store, "Name;Notizen\r\nA;\"nie geschlossen\r\nB;x\r\n", -1, KZ_EXCHANGE_ERROR_PARSE);
  g_assert_true (kz_store_is_empty (t->store));
}

static void
test_limits (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(GString) wide = g_string_new ("Name");
  g_autoptr(GString) long_field = g_string_new ("Name;Notizen\nA;");
  gsize huge_size = KZ_CSV_IMPORT_MAX_FILE_SIZE + 1;
  g_autofree char *huge = g_malloc (huge_size);

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (wide, ";Spalte %u", i);
  g_string_append (wide, "\nA;b\n");
  assert_refused (t->store, wide->str, wide->len, KZ_EXCHANGE_ERROR_TOO_LARGE);

  for (guint i = 0; i < KZ_CSV_IMPORT_MAX_FIELD + 10; i++)
    g_string_append_c (long_field, 'x');
  g_string_append (long_field, "\n");
  assert_refused (t->store, long_field->str, long_field->len, KZ_EXCHANGE_ERROR_TOO_LARGE);

  memset (huge, 'a', huge_size);
  assert_refused (t->store, huge, huge_size, KZ_EXCHANGE_ERROR_TOO_LARGE);
  g_assert_true (kz_store_is_empty (t->store));
}

/* --- Rows ----------------------------------------------------------- */

static void
test_rejected_rows (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzCsvImport) import = import_ok (t->store, KZ_KIND_PROJECT,
    "Titel;Status;Beginn;Ende;Budget;Handlungsfeld\n"
    "Gut;Laufend;01.02.2026;31.12.2026;12.000,00;Beratung und Therapie\n"
    "Falsches Datum;running;31.02.2026;;;\n"
    "Falscher Status;erledigt;;;;\n"
    ";running;;;;\n"
    "Ende vor Beginn;running;01.06.2026;01.01.2026;;\n"
    "Zweiter Guter;idea;;;1234,50;counselling\n");
  g_autoptr(KzRecord) good = NULL;
  GListModel *rejected;

  run_ok (import, NULL);
  g_assert_cmpuint (kz_csv_import_get_n_created (import), ==, 1);
  g_assert_cmpuint (kz_csv_import_get_n_rejected (import), ==, 5);
  g_assert_null (test_find_by_title (t->store, KZ_KIND_PROJECT, "Gut"));   /* "Laufend" is no status */

  rejected = kz_csv_import_get_rejected (import);
  for (guint i = 0; i < g_list_model_get_n_items (rejected); i++)
    {
      g_autoptr(KzCsvRow) row = g_list_model_get_item (rejected, i);

      g_assert_cmpint (kz_csv_row_get_action (row), ==, KZ_CSV_ROW_REJECT);
      g_assert_null (kz_csv_row_get_record (row));
      g_assert_nonnull (kz_csv_row_get_message (row));
      g_test_message ("row %u: %s", kz_csv_row_get_number (row), kz_csv_row_get_message (row));
    }

  {
    g_autoptr(KzCsvRow) first = g_list_model_get_item (rejected, 0);
    g_autoptr(KzCsvRow) date = g_list_model_get_item (rejected, 1);

    g_assert_cmpuint (kz_csv_row_get_number (first), ==, 2);
    g_assert_nonnull (strstr (kz_csv_row_get_message (first), "Laufend"));
    g_assert_cmpuint (kz_csv_row_get_number (date), ==, 3);
    g_assert_nonnull (strstr (kz_csv_row_get_message (date), "31.02.2026"));
  }

  good = test_find_by_title (t->store, KZ_KIND_PROJECT, "Zweiter Guter");
  g_assert_cmpint (kz_record_get_int (good, "budget_planned"), ==, 123450);
  g_assert_cmpstr (kz_record_get_string (good, "focus_area"), ==, "counselling");
}

static void
test_strict (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzCsvImport) import = import_ok (t->store, KZ_KIND_ORGANISATION,
                                             "Name;E-Mail\nA;a@example.org\nB;keine Adresse\n");
  g_autoptr(GError) error = NULL;

  kz_csv_import_set_strict (import, TRUE);
  g_assert_false (kz_csv_import_run (import, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_REJECTED);
  g_assert_cmpuint (kz_csv_import_get_n_rejected (import), ==, 1);
  g_assert_cmpuint (kz_csv_import_get_n_created (import), ==, 0);
  g_assert_true (kz_store_is_empty (t->store));
}

static void
test_references_and_defaults (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzCsvImport) import = NULL;
  g_autoptr(KzRecord) project = NULL;
  g_autoptr(KzRecord) lead = NULL;
  g_autoptr(GError) error = NULL;

  save_org (t->store, "Caritas Hannover", "Hannover", 10);
  save_org (t->store, "DRK Kreisverband", "Celle", 10);
  save_org (t->store, "DRK Kreisverband", "Stade", 10);

  import = import_ok (t->store, KZ_KIND_PROJECT,
    "Title;Lead organisation;Start\n"
    "KI-Assistenz;caritas  HANNOVER;1.3.2026\n"
    "Unbekannt;Niemand e.V.;\n"
    "Mehrdeutig;DRK Kreisverband;\n");
  g_assert_cmpstr (kz_csv_import_get_column_field (import, 1), ==, "lead_organisation_id");

  /* Without a status every project is rejected; a default fixes that. */
  run_ok (import, NULL);
  g_assert_cmpuint (kz_csv_import_get_n_rejected (import), ==, 3);
  g_assert_false (kz_csv_import_set_default (import, "status", "kaputt", &error));
  g_clear_error (&error);
  g_assert_true (kz_csv_import_set_default (import, "status", "Planned", &error));
  run_ok (import, NULL);
  g_assert_cmpuint (kz_csv_import_get_n_created (import), ==, 1);
  g_assert_cmpuint (kz_csv_import_get_n_rejected (import), ==, 2);

  project = test_find_by_title (t->store, KZ_KIND_PROJECT, "KI-Assistenz");
  lead = test_find_by_title (t->store, KZ_KIND_ORGANISATION, "Caritas Hannover");
  g_assert_cmpstr (kz_record_get_string (project, "lead_organisation_id"), ==, kz_record_get_uuid (lead));
  g_assert_cmpstr (kz_record_get_string (project, "status"), ==, "planned");
  g_assert_cmpstr (kz_record_get_string (project, "start_date"), ==, "2026-03-01");
}

static void
test_preview_writes_nothing (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzCsvImport) import = import_ok (t->store, KZ_KIND_TRAINING,
    "Titel;Status;Plätze;Referentinnen\n"
    "Datenschutz kompakt;open;20;A. Meyer\n"
    "KI im Sozialen;planned;zwanzig;B. Schulz\n"
    "Agiles Arbeiten;planned;;\n");
  g_autoptr(GListModel) preview = NULL;
  g_autoptr(KzCsvRow) first = NULL;
  g_autoptr(KzCsvRow) second = NULL;
  g_autoptr(GError) error = NULL;

  preview = kz_csv_import_preview (import, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (preview), ==, 2);
  first = g_list_model_get_item (preview, 0);
  second = g_list_model_get_item (preview, 1);
  g_assert_cmpint (kz_csv_row_get_action (first), ==, KZ_CSV_ROW_CREATE);
  g_assert_cmpint (kz_record_get_int (kz_csv_row_get_record (first), "capacity"), ==, 20);
  g_assert_cmpstr (kz_record_get_string (kz_csv_row_get_record (first), "trainers"), ==, "A. Meyer");
  g_assert_cmpint (kz_csv_row_get_action (second), ==, KZ_CSV_ROW_REJECT);
  g_assert_nonnull (strstr (kz_csv_row_get_message (second), "zwanzig"));
  g_assert_true (kz_store_is_empty (t->store));

  /* No title column: a clear message instead of rejecting every row. */
  g_assert_true (kz_csv_import_set_column_field (import, 0, NULL, NULL));
  g_clear_object (&preview);
  preview = kz_csv_import_preview (import, 0, &error);
  g_assert_null (preview);
  g_assert_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_MAPPING);
}

static void
test_unsupported_kind (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KzCsvImport) import = import_text (t->store, KZ_KIND_MILESTONE, "Titel\nA\n", -1, &error);

  g_assert_null (import);
  g_assert_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_UNSUPPORTED);
}

/* --- Duplicates ----------------------------------------------------- */

static const char duplicates_csv[] =
  "Name;Ort;Mitarbeitende;Notizen\n"
  "diakonie  HANNOVER;Hannover;80;aus der Liste\n"       /* same as the existing one */
  "Diakonie Hannover;Celle;15;\n"                         /* another city: a new one */
  "Neu e.V.;Peine;5;\n"
  "NEU E.V.;peine;7;zweite Zeile\n";                      /* same as the row before */

static KzCsvImport *
duplicates_import (TempStore            *t,
                   KzCsvDuplicatePolicy  policy)
{
  KzCsvImport *import;

  save_org (t->store, "Diakonie Hannover", "Hannover", 50);
  import = import_ok (t->store, KZ_KIND_ORGANISATION, duplicates_csv);
  kz_csv_import_set_duplicate_policy (import, policy);
  run_ok (import, NULL);
  return import;
}

static void
test_duplicates_skip (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzCsvImport) import = duplicates_import (t, KZ_CSV_DUPLICATE_SKIP);
  g_autoptr(KzRecord) existing = test_find_by_title (t->store, KZ_KIND_ORGANISATION, "Diakonie Hannover");
  g_autoptr(KzRecord) neu = test_find_by_title (t->store, KZ_KIND_ORGANISATION, "Neu e.V.");

  g_assert_cmpuint (kz_csv_import_get_n_created (import), ==, 2);
  g_assert_cmpuint (kz_csv_import_get_n_updated (import), ==, 0);
  g_assert_cmpuint (kz_csv_import_get_n_skipped (import), ==, 2);
  g_assert_cmpuint (kz_store_count (t->store, KZ_KIND_ORGANISATION), ==, 3);
  g_assert_cmpint (kz_record_get_int (neu, "staff"), ==, 5);
  g_assert_cmpint (kz_record_get_int (existing, "staff"), ==, 50);
}

static void
test_duplicates_update (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzCsvImport) import = duplicates_import (t, KZ_CSV_DUPLICATE_UPDATE);
  g_autoptr(GListModel) orgs = test_list (t->store, KZ_KIND_ORGANISATION);
  g_autoptr(KzRecord) neu = test_find_by_title (t->store, KZ_KIND_ORGANISATION, "NEU E.V.");
  gboolean found_hannover = FALSE;

  g_assert_cmpuint (kz_csv_import_get_n_created (import), ==, 2);
  g_assert_cmpuint (kz_csv_import_get_n_updated (import), ==, 1);
  g_assert_cmpuint (kz_store_count (t->store, KZ_KIND_ORGANISATION), ==, 3);

  for (guint i = 0; i < g_list_model_get_n_items (orgs); i++)
    {
      g_autoptr(KzRecord) org = g_list_model_get_item (orgs, i);

      if (g_strcmp0 (kz_record_get_string (org, "city"), "Hannover") != 0)
        continue;
      /* Updated from the file, untouched where the file was empty. */
      found_hannover = TRUE;
      g_assert_cmpint (kz_record_get_int (org, "staff"), ==, 80);
      g_assert_cmpstr (kz_record_get_string (org, "notes"), ==, "aus der Liste");
      g_assert_cmpstr (kz_record_get_string (org, "phone"), ==, "0511 123");
    }
  g_assert_true (found_hannover);

  /* The second row of "Neu e.V." merged into the record of the first. */
  g_assert_nonnull (neu);
  g_assert_cmpint (kz_record_get_int (neu, "staff"), ==, 7);
  g_assert_cmpstr (kz_record_get_string (neu, "notes"), ==, "zweite Zeile");
}

static void
test_duplicates_keep_both (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzCsvImport) import = duplicates_import (t, KZ_CSV_DUPLICATE_KEEP_BOTH);

  g_assert_cmpuint (kz_csv_import_get_n_created (import), ==, 4);
  g_assert_cmpuint (kz_csv_import_get_n_skipped (import), ==, 0);
  g_assert_cmpuint (kz_store_count (t->store, KZ_KIND_ORGANISATION), ==, 5);
}

/* --- Undo, cancellation --------------------------------------------- */

static void
test_undo_whole_import (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzUndoManager) undo = kz_undo_manager_new (t->store);
  g_autoptr(GString) csv = g_string_new ("Name;Ort;Mitarbeitende\n");
  g_autoptr(KzCsvImport) import = NULL;
  g_autoptr(KzRecord) existing = NULL;
  g_autoptr(GError) error = NULL;

  save_org (t->store, "Bestehender Träger", "Gifhorn", 12);
  for (guint i = 0; i < 50; i++)
    g_string_append_printf (csv, "Träger %u;Gifhorn;%u\n", i, i + 1);
  g_string_append (csv, "Bestehender Träger;Gifhorn;99\n");

  import = import_ok (t->store, KZ_KIND_ORGANISATION, csv->str);
  kz_csv_import_set_duplicate_policy (import, KZ_CSV_DUPLICATE_UPDATE);
  kz_csv_import_set_label (import, "Import of orgs.csv");
  run_ok (import, undo);
  g_assert_cmpuint (kz_store_count (t->store, KZ_KIND_ORGANISATION), ==, 51);
  g_assert_cmpstr (kz_undo_manager_get_undo_label (undo), ==, "Import of orgs.csv");

  /* One undo takes back every created and every updated record. */
  g_assert_true (kz_undo_manager_undo (undo, &error));
  g_assert_no_error (error);
  g_assert_false (kz_undo_manager_can_undo (undo));
  g_assert_cmpuint (kz_store_count (t->store, KZ_KIND_ORGANISATION), ==, 1);
  existing = test_find_by_title (t->store, KZ_KIND_ORGANISATION, "Bestehender Träger");
  g_assert_cmpint (kz_record_get_int (existing, "staff"), ==, 12);

  g_assert_true (kz_undo_manager_redo (undo, &error));
  g_assert_cmpuint (kz_store_count (t->store, KZ_KIND_ORGANISATION), ==, 51);
}

typedef struct
{
  GCancellable *cancellable;
  double        at;
} CancelAt;

static void
cancel_cb (const char *message,
           double      fraction,
           gpointer    user_data)
{
  CancelAt *c = user_data;

  if (fraction >= c->at)
    g_cancellable_cancel (c->cancellable);
}

static void
assert_cancelled_at (double at)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzUndoManager) undo = kz_undo_manager_new (t->store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) csv = g_string_new ("Name\n");
  g_autoptr(KzCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  CancelAt c = { cancellable, at };

  g_autoptr(KzRecord) earlier = kz_record_new (KZ_KIND_PROJECT);

  save_org (t->store, "Vorher", NULL, 1);
  kz_record_set_string (earlier, "title", "Vorheriges Projekt");
  kz_record_set_string (earlier, "status", "idea");
  g_assert_true (kz_undo_manager_save (undo, earlier, "Earlier edit", NULL));
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "Organisation %u\n", i);
  import = import_ok (t->store, KZ_KIND_ORGANISATION, csv->str);

  g_assert_false (kz_csv_import_run (import, undo, cancel_cb, &c, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (kz_store_count (t->store, KZ_KIND_ORGANISATION), ==, 1);
  /* The cancelled group is gone; the earlier step is still there. */
  g_assert_cmpstr (kz_undo_manager_get_undo_label (undo), ==, "Earlier edit");
  g_assert_false (kz_undo_manager_can_redo (undo));

  /* The store works normally afterwards. */
  g_cancellable_reset (cancellable);
  run_ok (import, undo);
  g_assert_cmpuint (kz_store_count (t->store, KZ_KIND_ORGANISATION), ==, 3001);
}

static void
test_cancel (void)
{
  assert_cancelled_at (0.0);    /* before anything */
  assert_cancelled_at (0.1);    /* while checking rows */
  assert_cancelled_at (0.6);    /* while writing: rolled back */
}

static void
test_large (void)
{
  g_autoptr(TempStore) source = temp_store_new ();
  g_autoptr(TempStore) target = temp_store_new ();
  g_autoptr(KzUndoManager) undo = kz_undo_manager_new (target->store);
  g_autoptr(GDate) today = test_today ();
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(KzCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_store_file (source, "projects.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *fields[] = { "title", "description", "status", "health", "focus_area", "field_of_work",
                           "advisor", "start_date", "end_date", "budget_planned", "budget_actual",
                           "tags", NULL };
  gint64 start;

  g_assert_true (kz_demo_generate (source->store, 10000, KZ_DEMO_DEFAULT_SEED, today, NULL, &error));
  projects = test_list (source->store, KZ_KIND_PROJECT);

  start = g_get_monotonic_time ();
  g_assert_true (kz_csv_export (source->store, KZ_KIND_PROJECT, projects, fields, file,
                                NULL, NULL, NULL, &error));
  g_test_message ("CSV export of 10 000 projects: %.2f s", test_seconds_since (start));

  start = g_get_monotonic_time ();
  import = kz_csv_import_new_for_file (target->store, KZ_KIND_PROJECT, file, NULL, &error);
  g_assert_no_error (error);
  kz_csv_import_set_duplicate_policy (import, KZ_CSV_DUPLICATE_KEEP_BOTH);
  run_ok (import, undo);
  g_test_message ("CSV import of 10 000 projects: %.2f s", test_seconds_since (start));
  g_assert_cmpuint (kz_csv_import_get_n_rejected (import), ==, 0);
  g_assert_cmpuint (kz_store_count (target->store, KZ_KIND_PROJECT), ==, 10000);

  start = g_get_monotonic_time ();
  g_assert_true (kz_undo_manager_undo (undo, &error));
  g_test_message ("Undo of the import: %.2f s", test_seconds_since (start));
  g_assert_cmpuint (kz_store_count (target->store, KZ_KIND_PROJECT), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/exchange/csv/import/utf8-bom", test_utf8_bom);
  g_test_add_func ("/exchange/csv/import/windows-1252", test_windows_1252);
  g_test_add_func ("/exchange/csv/import/tab-and-mapping", test_tab_and_override);
  g_test_add_func ("/exchange/csv/import/choose-encoding", test_choose_encoding);
  g_test_add_func ("/exchange/csv/import/separator-hint", test_separator_hint);
  g_test_add_func ("/exchange/csv/import/quotes-newlines-ragged", test_quotes_newlines_ragged);
  g_test_add_func ("/exchange/csv/import/garbage", test_garbage);
  g_test_add_func ("/exchange/csv/import/limits", test_limits);
  g_test_add_func ("/exchange/csv/import/rejected-rows", test_rejected_rows);
  g_test_add_func ("/exchange/csv/import/strict", test_strict);
  g_test_add_func ("/exchange/csv/import/references-and-defaults", test_references_and_defaults);
  g_test_add_func ("/exchange/csv/import/preview", test_preview_writes_nothing);
  g_test_add_func ("/exchange/csv/import/unsupported-kind", test_unsupported_kind);
  g_test_add_func ("/exchange/csv/import/duplicates/skip", test_duplicates_skip);
  g_test_add_func ("/exchange/csv/import/duplicates/update", test_duplicates_update);
  g_test_add_func ("/exchange/csv/import/duplicates/keep-both", test_duplicates_keep_both);
  g_test_add_func ("/exchange/csv/import/undo", test_undo_whole_import);
  g_test_add_func ("/exchange/csv/import/cancel", test_cancel);
  g_test_add_func ("/exchange/csv/import/large", test_large);

  return g_test_run ();
}
