/* test-maturity.c
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

#include <glib/gstdio.h>
#include <locale.h>

#include "field-test-util.h"
#include "kz-maturity.h"

static const char definition[] =
  "[Questionnaire]\n"
  "Title=Check\n"
  "Title[de]=Prüfung\n"
  "[strategy]\n"
  "Questions=A;B;C\n"
  "Weights=2;1;1\n"
  "[security]\n"
  "Questions=X;Y\n";

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KzMaturityQuestionnaire) q = kz_maturity_questionnaire_new_from_data (definition, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (kz_maturity_questionnaire_get_title (q), ==, "Check");
  g_assert_cmpuint (kz_maturity_questionnaire_get_n_questions (q, KZ_MATURITY_STRATEGY), ==, 3);
  g_assert_cmpuint (kz_maturity_questionnaire_get_n_questions (q, KZ_MATURITY_SKILLS), ==, 0);
  g_assert_cmpstr (kz_maturity_questionnaire_get_question (q, KZ_MATURITY_SECURITY, 1), ==, "Y");
  g_assert_cmpfloat (kz_maturity_questionnaire_get_weight (q, KZ_MATURITY_STRATEGY, 0), ==, 2.0);
  g_assert_cmpfloat (kz_maturity_questionnaire_get_weight (q, KZ_MATURITY_SECURITY, 0), ==, 1.0);
}

static void
test_invalid (void)
{
  static const char *broken[] = {
    "[Questionnaire]\nTitle=Nothing\n",                 /* no dimension */
    "[happiness]\nQuestions=A\n",                       /* unknown dimension */
    "[skills]\nQuestions=A;B\nWeights=1\n",             /* weights do not match */
    "[skills]\nQuestions=A\nWeights=-1\n",              /* negative weight */
    "[skills]\nWeights=1\n",                            /* no questions */
    "not a key file",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KzMaturityQuestionnaire) q = kz_maturity_questionnaire_new_from_data (broken[i], -1, &error);

      g_assert_null (q);
      g_assert_error (error, KZ_MATURITY_ERROR, KZ_MATURITY_ERROR_INVALID);
      g_assert_nonnull (error->message);
    }
}

static void
test_score (void)
{
  g_autoptr(KzMaturityQuestionnaire) q = kz_maturity_questionnaire_new_from_data (definition, -1, NULL);
  const guint all_three[] = { 3, 3, 3 };
  const guint weighted[] = { 5, 1, 1 };       /* (10 + 1 + 1) / 4 = 3 */
  const guint half[] = { 0, 2, 3 };           /* 2.5 rounds up to 3 */
  const guint below_half[] = { 2, 2, 3 };     /* 9 / 4 = 2.25 → 2 */
  const guint none[] = { 0, 0, 0 };
  const guint out_of_range[] = { 9, 4, 0 };   /* 9 is ignored */
  const guint security[] = { 1, 2 };          /* 1.5 → 2 */

  g_assert_cmpuint (kz_maturity_questionnaire_score (q, KZ_MATURITY_STRATEGY, all_three, 3), ==, 3);
  g_assert_cmpuint (kz_maturity_questionnaire_score (q, KZ_MATURITY_STRATEGY, weighted, 3), ==, 3);
  g_assert_cmpuint (kz_maturity_questionnaire_score (q, KZ_MATURITY_STRATEGY, half, 3), ==, 3);
  g_assert_cmpuint (kz_maturity_questionnaire_score (q, KZ_MATURITY_STRATEGY, below_half, 3), ==, 2);
  g_assert_cmpuint (kz_maturity_questionnaire_score (q, KZ_MATURITY_STRATEGY, none, 3), ==, 0);
  g_assert_cmpuint (kz_maturity_questionnaire_score (q, KZ_MATURITY_STRATEGY, out_of_range, 3), ==, 4);
  g_assert_cmpuint (kz_maturity_questionnaire_score (q, KZ_MATURITY_SECURITY, security, 2), ==, 2);
  /* A dimension without questions scores nothing. */
  g_assert_cmpuint (kz_maturity_questionnaire_score (q, KZ_MATURITY_SKILLS, all_three, 3), ==, 0);
}

static void
test_apply (void)
{
  g_autoptr(KzRecord) check = kz_record_new (KZ_KIND_ASSESSMENT);
  const guint scores[KZ_MATURITY_N_DIMENSIONS] = { 2, 0, 4, 5, 1 };

  kz_record_set_int (check, "infrastructure", 3);
  kz_maturity_apply_scores (check, scores);
  g_assert_cmpint (kz_record_get_int (check, "strategy"), ==, 2);
  g_assert_false (kz_record_is_set (check, "infrastructure"));
  g_assert_cmpint (kz_record_get_int (check, "processes"), ==, 4);
  g_assert_cmpint (kz_record_get_int (check, "security"), ==, 1);
  /* Mean of the rated four: (2 + 4 + 5 + 1) / 4. */
  g_assert_cmpfloat_with_epsilon (kz_maturity_get_mean (check), 3.0, 1e-9);
  kz_maturity_apply_scores (check, (guint[KZ_MATURITY_N_DIMENSIONS]) { 0 });
  g_assert_cmpfloat (kz_maturity_get_mean (check), ==, 0);
}

static void
test_default_and_override (void)
{
  g_autoptr(KzMaturityQuestionnaire) shipped = NULL;
  g_autoptr(KzMaturityQuestionnaire) custom = NULL;
  g_autoptr(KzMaturityQuestionnaire) fallback = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kz_maturity_questionnaire_get_override_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  shipped = kz_maturity_questionnaire_load_default (&error);
  g_assert_no_error (error);
  for (guint d = 0; d < KZ_MATURITY_N_DIMENSIONS; d++)
    g_assert_cmpuint (kz_maturity_questionnaire_get_n_questions (shipped, d), >=, 2);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, definition, -1, NULL));
  custom = kz_maturity_questionnaire_load_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (kz_maturity_questionnaire_get_title (custom), ==, "Check");

  /* A broken override is reported, and the shipped check is used. */
  g_assert_true (g_file_set_contents (path, "[skills]\n", -1, NULL));
  g_test_expect_message ("kz-maturity", G_LOG_LEVEL_WARNING, "Ignoring the maturity check*");
  fallback = kz_maturity_questionnaire_load_default (&error);
  g_test_assert_expected_messages ();
  g_assert_error (error, KZ_MATURITY_ERROR, KZ_MATURITY_ERROR_INVALID);
  g_assert_cmpuint (kz_maturity_questionnaire_get_n_questions (fallback, KZ_MATURITY_SKILLS), >=, 2);
  g_unlink (path);
}

static KzRecord *
add_check (KzStore    *store,
           KzRecord   *org,
           const char *date,
           const char *strategy,
           const char *security)
{
  return field_test_add (store, KZ_KIND_ASSESSMENT, "organisation_id", kz_record_get_uuid (org),
                         "date", date, "strategy", strategy, "security", security, NULL);
}

static void
test_trend_and_averages (void)
{
  char *dir;
  KzStore *store = field_test_open_store (&dir);
  g_autoptr(KzRecord) awo = field_test_add (store, KZ_KIND_ORGANISATION, "name", "AWO Pflege",
                                            "umbrella", "awo", "district", "03241", NULL);
  g_autoptr(KzRecord) awo2 = field_test_add (store, KZ_KIND_ORGANISATION, "name", "AWO Kita",
                                             "umbrella", "awo", "district", "03151", NULL);
  g_autoptr(KzRecord) free_org = field_test_add (store, KZ_KIND_ORGANISATION, "name", "Verein", NULL);
  g_autoptr(KzRecord) none = field_test_add (store, KZ_KIND_ORGANISATION, "name", "Ohne Check",
                                             "umbrella", "awo", NULL);
  g_autoptr(GPtrArray) trend = NULL;
  g_autoptr(GPtrArray) by_umbrella = NULL;
  g_autoptr(GPtrArray) by_district = NULL;
  g_autoptr(KzRecord) found = NULL;
  g_autoptr(GError) error = NULL;
  KzMaturityAverage *average;

  g_clear_object (&found);
  g_object_unref (add_check (store, awo, "2026-03-01", "4", "2"));
  g_object_unref (add_check (store, awo, "2025-01-10", "1", "1"));
  g_object_unref (add_check (store, awo2, "2026-02-01", "2", NULL));
  g_object_unref (add_check (store, free_org, "2026-02-01", "5", "5"));

  trend = kz_maturity_list_trend (store, kz_record_get_uuid (awo), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trend->len, ==, 2);
  g_assert_cmpstr (kz_record_get_string (g_ptr_array_index (trend, 0), "date"), ==, "2025-01-10");
  g_assert_cmpstr (kz_record_get_string (g_ptr_array_index (trend, 1), "date"), ==, "2026-03-01");

  found = kz_maturity_find_check (store, kz_record_get_uuid (awo), "2025-01-10", &error);
  g_assert_no_error (error);
  g_assert_cmpint (kz_record_get_int (found, "strategy"), ==, 1);
  g_assert_null (kz_maturity_find_check (store, kz_record_get_uuid (awo), "2024-01-01", NULL));

  /* Only the latest check counts: AWO (4, 2) and AWO Kita (2, –). */
  by_umbrella = kz_maturity_average_by (store, "umbrella", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_umbrella->len, ==, 2);
  average = g_ptr_array_index (by_umbrella, 0);
  g_assert_cmpstr (average->group, ==, "awo");
  g_assert_cmpuint (average->n_organisations, ==, 2);
  g_assert_cmpfloat_with_epsilon (average->levels[KZ_MATURITY_STRATEGY], 3.0, 1e-9);
  g_assert_cmpuint (average->counts[KZ_MATURITY_SECURITY], ==, 1);
  g_assert_cmpfloat_with_epsilon (average->levels[KZ_MATURITY_SECURITY], 2.0, 1e-9);
  g_assert_cmpuint (average->counts[KZ_MATURITY_SKILLS], ==, 0);
  average = g_ptr_array_index (by_umbrella, 1);
  g_assert_null (average->group);
  g_assert_cmpfloat_with_epsilon (average->levels[KZ_MATURITY_STRATEGY], 5.0, 1e-9);

  by_district = kz_maturity_average_by (store, "district", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_district->len, ==, 3);
  g_assert_cmpstr (((KzMaturityAverage *)g_ptr_array_index (by_district, 0))->group, ==, "03151");
  g_assert_cmpstr (((KzMaturityAverage *)g_ptr_array_index (by_district, 1))->group, ==, "03241");

  field_test_close (store, dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = g_dir_make_tmp ("kz-maturity-config-XXXXXX", NULL);

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/maturity/parse", test_parse);
  g_test_add_func ("/maturity/invalid", test_invalid);
  g_test_add_func ("/maturity/score", test_score);
  g_test_add_func ("/maturity/apply", test_apply);
  g_test_add_func ("/maturity/default-and-override", test_default_and_override);
  g_test_add_func ("/maturity/trend-and-averages", test_trend_and_averages);

  return g_test_run ();
}
