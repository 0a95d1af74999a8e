/* test-filter.c
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
#include <string.h>

#include "kz-filter.h"

/* The filter engine behind "list --filter", on records in memory. */

static KzRecord *
make_record (KzKind      kind,
             const char *first_field,
             ...)
{
  KzRecord *record = kz_record_new (kind);
  va_list ap;

  va_start (ap, first_field);
  for (const char *field = first_field; field != NULL; field = va_arg (ap, const char *))
    {
      g_autoptr(GError) error = NULL;
      const char *value = va_arg (ap, const char *);

      kz_record_set_text (record, field, value, &error);
      g_assert_no_error (error);
    }
  va_end (ap);

  return record;
}

static KzRecord *
sample_project (void)
{
  return make_record (KZ_KIND_PROJECT,
                      "title", "Digitale Pflegedokumentation – Jüdische Gemeinde Straße Café",
                      "status", "running",
                      "health", "at_risk",
                      "focus_area", "management",
                      "start_date", "2025-12-06",
                      "end_date", "2027-01-26",
                      "budget_planned", "20000.00",
                      "tags", "Tablets, Barrierefreiheit",
                      NULL);
}

static gboolean
matches (KzRecord   *record,
         const char *first_expression,
         ...)
{
  g_autoptr(KzFilter) filter = kz_filter_new (kz_record_get_kind (record));
  va_list ap;

  va_start (ap, first_expression);
  for (const char *e = first_expression; e != NULL; e = va_arg (ap, const char *))
    {
      g_autoptr(GError) error = NULL;

      kz_filter_add (filter, e, &error);
      g_assert_no_error (error);
    }
  va_end (ap);

  return kz_filter_match (filter, record);
}

static void
assert_error (KzKind         kind,
              const char    *expression,
              KzFilterError  code,
              const char    *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KzFilter) filter = kz_filter_new (kind);

  g_assert_false (kz_filter_add (filter, expression, &error));
  g_assert_error (error, KZ_FILTER_ERROR, (int)code);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, error->message);
  g_assert_cmpuint (kz_filter_get_n_conditions (filter), ==, 0);
}

static void
test_errors (void)
{
  assert_error (KZ_KIND_PROJECT, "status", KZ_FILTER_ERROR_SYNTAX, "status");
  assert_error (KZ_KIND_PROJECT, "=running", KZ_FILTER_ERROR_SYNTAX, NULL);
  assert_error (KZ_KIND_PROJECT, "", KZ_FILTER_ERROR_SYNTAX, NULL);
  assert_error (KZ_KIND_PROJECT, "status!running", KZ_FILTER_ERROR_SYNTAX, NULL);
  assert_error (KZ_KIND_PROJECT, "colour=red", KZ_FILTER_ERROR_UNKNOWN_FIELD, "colour");
  assert_error (KZ_KIND_PROJECT, "status=flying", KZ_FILTER_ERROR_INVALID, "status");
  assert_error (KZ_KIND_PROJECT, "end_date<soon", KZ_FILTER_ERROR_INVALID, "end_date");
  assert_error (KZ_KIND_PROJECT, "budget_planned>lots", KZ_FILTER_ERROR_INVALID, "budget_planned");
  assert_error (KZ_KIND_PROJECT, "title<M", KZ_FILTER_ERROR_INVALID, "title");
  assert_error (KZ_KIND_PROJECT, "status>running", KZ_FILTER_ERROR_INVALID, "status");
  assert_error (KZ_KIND_PROJECT, "end_date<", KZ_FILTER_ERROR_SYNTAX, "end_date");
}

static void
test_equal (void)
{
  g_autoptr(KzRecord) p = sample_project ();

  g_assert_true (matches (p, "status=running", NULL));
  g_assert_true (matches (p, "status=Running", NULL));
  g_assert_true (matches (p, "status = RUNNING ", NULL));
  g_assert_false (matches (p, "status=planned", NULL));
  g_assert_true (matches (p, "status!=planned", NULL));
  g_assert_false (matches (p, "status!=running", NULL));
  g_assert_true (matches (p, "health=At risk", NULL));
  g_assert_true (matches (p, "end_date=2027-01-26", NULL));
  g_assert_true (matches (p, "end_date=26.01.2027", NULL));
  g_assert_true (matches (p, "budget_planned=20.000,00 €", NULL));
  g_assert_true (matches (p, "budget_planned=20000", NULL));
  g_assert_true (matches (p, "title=digitale pflegedokumentation – jüdische gemeinde straße café", NULL));
  g_assert_false (matches (p, "title=Digitale", NULL));
}

static void
test_empty (void)
{
  g_autoptr(KzRecord) p = sample_project ();

  g_assert_true (matches (p, "advisor=", NULL));
  g_assert_false (matches (p, "advisor!=", NULL));
  g_assert_false (matches (p, "status=", NULL));
  g_assert_true (matches (p, "status!=", NULL));
  /* An empty field differs from every value and is never ordered. */
  g_assert_true (matches (p, "field_of_work!=youth", NULL));
  g_assert_false (matches (p, "field_of_work=youth", NULL));
  g_assert_false (matches (p, "budget_actual<1000000", NULL));
  g_assert_false (matches (p, "budget_actual>0", NULL));
  g_assert_false (matches (p, "advisor~a", NULL));
  g_assert_true (matches (p, "advisor~", NULL));
}

static void
test_contains (void)
{
  g_autoptr(KzRecord) p = sample_project ();

  g_assert_true (matches (p, "title~pflege", NULL));
  g_assert_true (matches (p, "title~PFLEGE", NULL));
  g_assert_true (matches (p, "title~Jüdische", NULL));
  g_assert_true (matches (p, "title~juedische", NULL));
  g_assert_true (matches (p, "title~judische", NULL));
  g_assert_true (matches (p, "title~JÜD", NULL));
  g_assert_true (matches (p, "title~strasse", NULL));
  g_assert_true (matches (p, "title~Straße", NULL));
  g_assert_true (matches (p, "title~cafe", NULL));
  g_assert_false (matches (p, "title~kaffee", NULL));
  /* Vocabulary fields: the id, the label and the English label. */
  g_assert_true (matches (p, "status~runn", NULL));
  g_assert_true (matches (p, "focus_area~innovation", NULL));
  g_assert_true (matches (p, "focus_area~manage", NULL));
  g_assert_true (matches (p, "tags~tablet", NULL));
  g_assert_true (matches (p, "budget_planned~20", NULL));
  g_assert_true (kz_text_contains_folded ("Müller-Lüdenscheidt", "mueller-lued"));
  g_assert_true (kz_text_contains_folded ("Müller-Lüdenscheidt", "MULLER-LUD"));
  g_assert_true (kz_text_contains_folded ("Müller", ""));
  g_assert_false (kz_text_contains_folded (NULL, "a"));
}

static void
test_ordering (void)
{
  g_autoptr(KzRecord) p = sample_project ();

  g_assert_true (matches (p, "end_date<2027-06-01", NULL));
  g_assert_true (matches (p, "end_date<01.06.2027", NULL));
  g_assert_false (matches (p, "end_date<2027-01-26", NULL));
  g_assert_true (matches (p, "end_date<=2027-01-26", NULL));
  g_assert_true (matches (p, "end_date>=26.1.2027", NULL));
  g_assert_false (matches (p, "end_date>2027-01-26", NULL));
  g_assert_true (matches (p, "budget_planned>19999.99", NULL));
  g_assert_true (matches (p, "budget_planned>19.999,99 €", NULL));
  g_assert_false (matches (p, "budget_planned>20000", NULL));
  g_assert_true (matches (p, "budget_planned<100000", NULL));
}

static void
test_other_types (void)
{
  g_autoptr(KzRecord) session = make_record (KZ_KIND_SESSION, "date", "2026-06-17",
                                             "start_time", "09:30", "place", "Soltau", NULL);
  g_autoptr(KzRecord) programme = make_record (KZ_KIND_PROGRAMME, "name", "Digitalfonds",
                                               "funder", "Land", "rate", "80", NULL);
  g_autoptr(KzRecord) milestone = make_record (KZ_KIND_MILESTONE, "title", "Start", "done", "ja", NULL);
  g_autoptr(KzRecord) org = make_record (KZ_KIND_ORGANISATION, "name", "AWO",
                                         "fields_of_work", "youth, elderly", NULL);
  g_autoptr(KzRecord) contact = make_record (KZ_KIND_CONTACT, "name", "Anna",
                                             "organisation_id", kz_record_get_uuid (org), NULL);
  g_autofree char *upper = g_ascii_strup (kz_record_get_uuid (org), -1);
  g_autofree char *by_ref = g_strdup_printf ("organisation_id=%s", upper);

  g_assert_true (matches (session, "start_time<10:00", NULL));
  g_assert_false (matches (session, "start_time>9:30", NULL));
  g_assert_true (matches (programme, "rate>=80", NULL));
  g_assert_true (matches (programme, "rate>79,5", NULL));
  g_assert_true (matches (milestone, "done=true", NULL));
  g_assert_true (matches (milestone, "done=ja", NULL));
  g_assert_false (matches (milestone, "done=nein", NULL));
  g_assert_true (matches (org, "fields_of_work=youth", NULL));
  g_assert_true (matches (org, "fields_of_work=Elderly care and nursing, youth", NULL));
  g_assert_false (matches (org, "fields_of_work=youth, family", NULL));
  g_assert_true (matches (contact, by_ref, NULL));
}

static void
test_lists (void)
{
  g_autoptr(KzRecord) p = sample_project ();

  g_assert_true (matches (p, "tags=Tablets", NULL));
  g_assert_true (matches (p, "tags=tablets", NULL));
  g_assert_true (matches (p, "tags=barrierefreiheit, Tablets", NULL));
  g_assert_false (matches (p, "tags=Tablets, Cloud", NULL));
  g_assert_true (matches (p, "tags!=Cloud", NULL));
}

static void
test_and_names (void)
{
  g_autoptr(KzRecord) p = sample_project ();

  g_assert_true (matches (p, "status=running", "health=at_risk", "end_date<2028-01-01", NULL));
  g_assert_false (matches (p, "status=running", "health=on_track", NULL));
  /* Field names ignore case; labels work as names too. */
  g_assert_true (matches (p, "Status=running", NULL));
  g_assert_true (matches (p, "End<2028-01-01", NULL));
  g_assert_true (matches (p, "planned budget>1", NULL));
}

static void
test_parse_and_apply (void)
{
  const char *expressions[] = { "status=running", "title~pflege", NULL };
  const char *bad[] = { "status=running", "nonsense", NULL };
  g_autoptr(GListStore) records = g_list_store_new (KZ_TYPE_RECORD);
  g_autoptr(KzRecord) p = sample_project ();
  g_autoptr(KzRecord) other = make_record (KZ_KIND_PROJECT, "title", "Pflege-App", "status", "idea", NULL);
  g_autoptr(KzRecord) firm = make_record (KZ_KIND_FIRM, "name", "Pflegesoft", NULL);
  g_autoptr(KzFilter) filter = NULL;
  g_autoptr(KzFilter) all = kz_filter_new (KZ_KIND_PROJECT);
  g_autoptr(GListModel) result = NULL;
  g_autoptr(KzRecord) first = NULL;
  g_autoptr(GError) error = NULL;

  filter = kz_filter_parse (KZ_KIND_PROJECT, expressions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kz_filter_get_n_conditions (filter), ==, 2);
  g_assert_cmpint (kz_filter_get_kind (filter), ==, KZ_KIND_PROJECT);

  g_list_store_append (records, other);
  g_list_store_append (records, firm);
  g_list_store_append (records, p);
  result = kz_filter_apply (filter, G_LIST_MODEL (records));
  g_assert_cmpuint (g_list_model_get_n_items (result), ==, 1);
  first = g_list_model_get_item (result, 0);
  g_assert_true (first == p);

  /* An empty filter takes every record of its kind, and no other. */
  g_assert_true (kz_filter_match (all, other));
  g_assert_false (kz_filter_match (all, firm));

  g_assert_null (kz_filter_parse (KZ_KIND_PROJECT, bad, &error));
  g_assert_error (error, KZ_FILTER_ERROR, KZ_FILTER_ERROR_SYNTAX);
  g_assert_true (G_TYPE_IS_BOXED (KZ_TYPE_FILTER));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filter/errors", test_errors);
  g_test_add_func ("/filter/equal", test_equal);
  g_test_add_func ("/filter/empty", test_empty);
  g_test_add_func ("/filter/contains", test_contains);
  g_test_add_func ("/filter/ordering", test_ordering);
  g_test_add_func ("/filter/other-types", test_other_types);
  g_test_add_func ("/filter/lists", test_lists);
  g_test_add_func ("/filter/and-names", test_and_names);
  g_test_add_func ("/filter/parse-and-apply", test_parse_and_apply);

  return g_test_run ();
}
