/* test-record.c
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

#include <locale.h>

#include "kz-format.h"
#include "kz-parse.h"
#include "kz-record.h"
#include "kz-record-json.h"

static void
test_parse_numbers (void)
{
  struct { const char *text; double value; } good[] = {
    { "1234.5", 1234.5 }, { "1.234,50", 1234.5 }, { "1,234.50", 1234.5 },
    { "12,5", 12.5 }, { " 7 ", 7 }, { "1 234,00 €", 1234 }, { "2.000.000", 2000000 },
    { "-3,25", -3.25 }, { "99 EUR", 99 },
  };
  const char *bad[] = { "", "zwölf", "1,2,3x", "12a", "€", "1e5" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      double d = -1;

      g_assert_true (kz_parse_decimal (good[i].text, &d, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (d, good[i].value, 1e-9);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double d = -1;

      g_assert_false (kz_parse_decimal (bad[i], &d, &error));
      g_assert_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_assert_cmpfloat (d, ==, -1);
    }
}

static void
test_parse_money (void)
{
  gint64 cents = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (kz_parse_money ("12.345,67 €", &cents, NULL));
  g_assert_cmpint (cents, ==, 1234567);
  g_assert_true (kz_parse_money ("0,1", &cents, NULL));
  g_assert_cmpint (cents, ==, 10);
  g_assert_false (kz_parse_money ("viel", &cents, &error));
  g_assert_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_INVALID);
}

static void
test_parse_dates (void)
{
  struct { const char *text; const char *iso; } good[] = {
    { "2026-12-31", "2026-12-31" }, { "31.12.2026", "2026-12-31" },
    { "1.2.2027", "2027-02-01" }, { "01.02.27", "2027-02-01" }, { " 2028-02-29 ", "2028-02-29" },
  };
  const char *bad[] = { "31.02.2026", "2026-13-01", "morgen", "2026-1-1x", "12/31/2026", "" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *iso = kz_parse_date (good[i].text, NULL);
      g_assert_cmpstr (iso, ==, good[i].iso);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = kz_parse_date (bad[i], &error);

      g_assert_null (iso);
      g_assert_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_INVALID);
    }
}

static void
test_parse_times (void)
{
  g_autofree char *a = kz_parse_time ("9:05", NULL);
  g_autofree char *b = kz_parse_time ("14.30", NULL);
  g_autofree char *c = kz_parse_time ("10 Uhr", NULL);
  g_autofree char *d = kz_parse_time ("25:00", NULL);
  g_autofree char *e = kz_parse_time ("halb zehn", NULL);

  g_assert_cmpstr (a, ==, "09:05");
  g_assert_cmpstr (b, ==, "14:30");
  g_assert_cmpstr (c, ==, "10:00");
  g_assert_null (d);
  g_assert_null (e);
}

static void
test_email (void)
{
  g_assert_true (kz_is_email ("m.mueller@diakonie-celle.de"));
  g_assert_false (kz_is_email ("m.mueller"));
  g_assert_false (kz_is_email ("a@b"));
  g_assert_false (kz_is_email ("a b@c.de"));
  g_assert_false (kz_is_email ("@c.de"));
  g_assert_false (kz_is_email ("a@@c.de"));
}

static void
test_set_text (void)
{
  g_autoptr(KzRecord) p = kz_record_new (KZ_KIND_PROJECT);
  g_autoptr(GError) error = NULL;
  g_autofree char *money = NULL;
  g_autofree char *tags = NULL;

  g_assert_true (kz_record_set_text (p, "status", "Running", NULL));
  g_assert_cmpstr (kz_record_get_string (p, "status"), ==, "running");
  g_assert_true (kz_record_set_text (p, "status", "paused", NULL));
  g_assert_cmpstr (kz_record_get_string (p, "status"), ==, "paused");

  /* A bad value is refused and the old one kept. */
  g_assert_false (kz_record_set_text (p, "status", "vielleicht", &error));
  g_assert_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_INVALID);
  g_assert_cmpstr (kz_record_get_string (p, "status"), ==, "paused");
  g_clear_error (&error);

  g_assert_true (kz_record_set_text (p, "budget_planned", "85.000,00 €", NULL));
  money = kz_record_dup_text (p, "budget_planned");
  g_assert_cmpstr (money, ==, "85000.00");

  g_assert_true (kz_record_set_text (p, "tags", "Pflege, TI; Pflege\nKIM", NULL));
  tags = kz_record_dup_text (p, "tags");
  g_assert_cmpstr (tags, ==, "Pflege, TI, KIM");

  g_assert_true (kz_record_set_text (p, "end_date", "30.06.2027", NULL));
  g_assert_cmpstr (kz_record_get_string (p, "end_date"), ==, "2027-06-30");
  g_assert_true (kz_record_set_text (p, "end_date", "  ", NULL));
  g_assert_false (kz_record_is_set (p, "end_date"));

  g_assert_false (kz_record_set_text (p, "no_such_field", "x", &error));
  g_assert_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_UNKNOWN_FIELD);
}

static void
assert_invalid (KzRecord      *record,
                int            code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (kz_record_validate (record, &error));
  g_assert_error (error, KZ_RECORD_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_validate (void)
{
  g_autoptr(KzRecord) p = kz_record_new (KZ_KIND_PROJECT);
  g_autoptr(KzRecord) c = kz_record_new (KZ_KIND_CONTACT);
  g_autoptr(KzRecord) a = kz_record_new (KZ_KIND_ASSESSMENT);
  g_autoptr(KzRecord) r = kz_record_new (KZ_KIND_REGISTRATION);
  g_autoptr(KzRecord) f = kz_record_new (KZ_KIND_PROGRAMME);
  g_autofree char *ref = g_uuid_string_random ();

  assert_invalid (p, KZ_RECORD_ERROR_REQUIRED);
  kz_record_set_string (p, "title", "Online-Beratung");
  kz_record_set_string (p, "status", "planned");
  g_assert_true (kz_record_validate (p, NULL));

  kz_record_set_string (p, "start_date", "2026-05-01");
  kz_record_set_string (p, "end_date", "2026-04-30");
  assert_invalid (p, KZ_RECORD_ERROR_INVALID);
  kz_record_set_string (p, "end_date", "2026-05-01");
  g_assert_true (kz_record_validate (p, NULL));

  kz_record_set_int (p, "budget_planned", -100);
  assert_invalid (p, KZ_RECORD_ERROR_INVALID);
  kz_record_set_int (p, "budget_planned", 100);
  kz_record_set_string (p, "title", "");
  assert_invalid (p, KZ_RECORD_ERROR_REQUIRED);

  kz_record_set_string (c, "organisation_id", ref);
  kz_record_set_string (c, "role", "it");
  kz_record_set_string (c, "email", "kein-at-zeichen.de");
  assert_invalid (c, KZ_RECORD_ERROR_INVALID);
  kz_record_set_string (c, "email", "it@awo-peine.de");
  g_assert_true (kz_record_validate (c, NULL));

  kz_record_set_string (a, "organisation_id", ref);
  kz_record_set_string (a, "date", "2026-11-01");
  kz_record_set_int (a, "strategy", 6);
  assert_invalid (a, KZ_RECORD_ERROR_INVALID);
  kz_record_set_int (a, "strategy", 5);
  g_assert_true (kz_record_validate (a, NULL));

  kz_record_set_string (r, "training_id", ref);
  kz_record_set_string (r, "organisation_id", ref);
  kz_record_set_int (r, "participants", 0);
  assert_invalid (r, KZ_RECORD_ERROR_INVALID);

  kz_record_set_string (f, "name", "DigiWohl");
  kz_record_set_string (f, "funder", "ESF Plus");
  kz_record_set_number (f, "rate", 120);
  assert_invalid (f, KZ_RECORD_ERROR_INVALID);
  kz_record_set_string (f, "website", "www.esf.de");
  kz_record_set_number (f, "rate", 90);
  assert_invalid (f, KZ_RECORD_ERROR_INVALID);
}

static void
test_copy (void)
{
  g_autoptr(KzRecord) o = kz_record_new (KZ_KIND_ORGANISATION);
  g_autoptr(KzRecord) copy = NULL;
  const char *fields[] = { "elderly", "family", NULL };

  kz_record_set_string (o, "name", "Caritasverband Osnabrück e.V.");
  kz_record_set_list (o, "fields_of_work", fields);
  kz_record_set_int (o, "staff", 312);

  copy = kz_record_copy (o);
  kz_record_set_string (o, "name", "geändert");
  g_assert_cmpstr (kz_record_get_uuid (copy), ==, kz_record_get_uuid (o));
  g_assert_cmpstr (kz_record_get_title (copy), ==, "Caritasverband Osnabrück e.V.");
  g_assert_cmpstr (kz_record_get_list (copy, "fields_of_work")[1], ==, "family");
  g_assert_cmpint (kz_record_get_int (copy, "staff"), ==, 312);
  g_assert_false (kz_record_field_equal (o, copy, "name"));
  g_assert_true (kz_record_field_equal (o, copy, "staff"));
}

static void
test_format (void)
{
  g_autofree char *money = kz_format_money (123450);
  g_autofree char *whole = kz_format_money (500000);
  g_autofree char *date = kz_format_date ("2026-12-31");
  g_autofree char *num = kz_format_number (12.5);

  g_assert_cmpstr (money, ==, "€1,234.50");
  g_assert_cmpstr (whole, ==, "€5,000");
  g_assert_cmpstr (date, ==, "31 Dec 2026");
  g_assert_cmpstr (num, ==, "12.5");
}

static void
test_json (void)
{
  g_autoptr(KzRecord) p = kz_record_new (KZ_KIND_PROJECT);
  g_autoptr(KzRecord) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *tags[] = { "Pflege", "TI, KIM", NULL };
  KzKind kind = KZ_N_KINDS;

  kz_record_set_string (p, "title", "Digitale Pflegedokumentation");
  kz_record_set_string (p, "status", "running");
  kz_record_set_int (p, "budget_planned", 8500050);
  kz_record_set_list (p, "tags", tags);
  kz_record_set_created (p, 1763892000000000);
  kz_record_set_modified (p, 1763895600000000);

  text = kz_record_to_string (p, FALSE);
  g_assert_nonnull (strstr (text, "\"budget_planned\":\"85000.50\""));
  g_assert_nonnull (strstr (text, "\"type\":\"project\""));

  node = json_from_string (text, NULL);
  back = kz_record_from_json (node, &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, KZ_KIND_PROJECT);
  g_assert_cmpstr (kz_record_get_uuid (back), ==, kz_record_get_uuid (p));
  g_assert_cmpint (kz_record_get_modified (back), ==, 1763895600000000);
  g_assert_cmpint (kz_record_get_int (back, "budget_planned"), ==, 8500050);
  g_assert_cmpuint (g_strv_length ((char **)kz_record_get_list (back, "tags")), ==, 3);
  g_clear_pointer (&node, json_node_unref);

  /* Unknown fields, wrong kinds and bad values are refused by name. */
  node = json_from_string ("{\"type\":\"firm\",\"fields\":{\"titel\":\"x\"}}", NULL);
  g_assert_null (kz_record_from_json (node, NULL, &error));
  g_assert_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_UNKNOWN_FIELD);
  g_assert_nonnull (strstr (error->message, "titel"));
  g_clear_error (&error);
  g_clear_pointer (&node, json_node_unref);

  kind = KZ_KIND_FIRM;
  node = json_from_string ("{\"type\":\"project\"}", NULL);
  g_assert_null (kz_record_from_json (node, &kind, &error));
  g_assert_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&node, json_node_unref);

  node = json_from_string ("{\"fields\":{\"name\":\"Nordlicht\",\"size\":\"riesig\"}}", NULL);
  g_assert_null (kz_record_from_json (node, &kind, &error));
  g_assert_error (error, KZ_RECORD_ERROR, KZ_RECORD_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record/parse/numbers", test_parse_numbers);
  g_test_add_func ("/record/parse/money", test_parse_money);
  g_test_add_func ("/record/parse/dates", test_parse_dates);
  g_test_add_func ("/record/parse/times", test_parse_times);
  g_test_add_func ("/record/parse/email", test_email);
  g_test_add_func ("/record/set-text", test_set_text);
  g_test_add_func ("/record/validate", test_validate);
  g_test_add_func ("/record/copy", test_copy);
  g_test_add_func ("/record/format", test_format);
  g_test_add_func ("/record/json", test_json);

  return g_test_run ();
}
