/* test-checkpoint.c
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

#include "field-test-util.h"
#include "kz-checkpoint.h"

static KzRecord *
organisation (const char *fields,
              const char *staff,
              const char *turnover)
{
  g_autoptr(KzRecord) org = kz_record_new (KZ_KIND_ORGANISATION);

  kz_record_set_string (org, "name", "Träger");
  if (fields != NULL)
    g_assert_true (kz_record_set_text (org, "fields_of_work", fields, NULL));
  if (staff != NULL)
    g_assert_true (kz_record_set_text (org, "staff", staff, NULL));
  if (turnover != NULL)
    g_assert_true (kz_record_set_text (org, "turnover", turnover, NULL));
  return g_steal_pointer (&org);
}

static GPtrArray *
evaluate (const char *fields,
          const char *staff,
          const char *turnover,
          int         year,
          int         month,
          int         day)
{
  g_autoptr(KzRecord) org = organisation (fields, staff, turnover);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);
  return kz_checkpoint_evaluate (org, &today);
}

static KzCheckpoint *
find (GPtrArray        *checkpoints,
      KzCheckpointKind  kind)
{
  for (guint i = 0; i < checkpoints->len; i++)
    if (((KzCheckpoint *)g_ptr_array_index (checkpoints, i))->kind == kind)
      return g_ptr_array_index (checkpoints, i);
  return NULL;
}

static void
test_care_service (void)
{
  g_autoptr(GPtrArray) care = evaluate ("elderly, family", "12", NULL, 2026, 3, 1);
  g_autoptr(GPtrArray) late = evaluate ("elderly", NULL, NULL, 2027, 1, 10);
  g_autoptr(GPtrArray) youth = evaluate ("youth", "12", NULL, 2026, 3, 1);
  g_autoptr(GPtrArray) unknown = evaluate (NULL, NULL, NULL, 2026, 3, 1);
  KzCheckpoint *ti, *billing;

  g_assert_cmpuint (care->len, ==, 2);
  ti = find (care, KZ_CHECKPOINT_TI);
  billing = find (care, KZ_CHECKPOINT_SGB_XI_BILLING);
  g_assert_nonnull (ti);
  g_assert_nonnull (billing);
  g_assert_cmpstr (ti->tag, ==, "checkpoint-ti");
  /* The TI date has passed: four weeks from today. */
  g_assert_cmpstr (ti->due, ==, "2026-03-29");
  /* Electronic billing is due on 1 December 2026. */
  g_assert_cmpstr (billing->due, ==, "2026-12-01");
  g_assert_null (ti->project);
  g_assert_nonnull (strstr (billing->reason, "105 SGB XI"));

  billing = find (late, KZ_CHECKPOINT_SGB_XI_BILLING);
  g_assert_cmpstr (billing->due, ==, "2027-02-07");

  g_assert_cmpuint (youth->len, ==, 0);
  g_assert_cmpuint (unknown->len, ==, 0);
}

static void
test_nis2 (void)
{
  g_autoptr(GPtrArray) small = evaluate ("youth", "49", "1000000", 2026, 3, 1);
  g_autoptr(GPtrArray) staff = evaluate ("youth", "50", NULL, 2026, 3, 1);
  g_autoptr(GPtrArray) exact_turnover = evaluate ("youth", "10", "10000000", 2026, 3, 1);
  g_autoptr(GPtrArray) turnover = evaluate ("youth", "10", "10000000.01", 2026, 3, 1);
  g_autoptr(GPtrArray) big_care = evaluate ("elderly", "180", NULL, 2026, 3, 1);
  KzCheckpoint *nis2;

  g_assert_null (find (small, KZ_CHECKPOINT_NIS2));
  nis2 = find (staff, KZ_CHECKPOINT_NIS2);
  g_assert_nonnull (nis2);
  g_assert_cmpstr (nis2->due, ==, "2026-05-30");
  g_assert_nonnull (strstr (nis2->reason, "50"));
  /* "More than 10 million": exactly 10 million is not enough. */
  g_assert_null (find (exact_turnover, KZ_CHECKPOINT_NIS2));
  g_assert_nonnull (find (turnover, KZ_CHECKPOINT_NIS2));
  g_assert_cmpuint (big_care->len, ==, 3);
}

static void
test_accept (void)
{
  char *dir;
  KzStore *store = field_test_open_store (&dir);
  g_autoptr(KzUndoManager) undo = kz_undo_manager_new (store);
  g_autoptr(KzRecord) org = field_test_add (store, KZ_KIND_ORGANISATION, "name", "Pflegedienst Nord",
                                            "fields_of_work", "elderly", "staff", "60", NULL);
  g_autoptr(GPtrArray) checkpoints = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) after_undo = NULL;
  g_autoptr(GListModel) milestones = NULL;
  g_autoptr(KzRecord) project = NULL;
  g_autoptr(KzRecord) milestone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  KzCheckpoint *ti;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 3, 2026);
  checkpoints = kz_checkpoint_list (store, org, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checkpoints->len, ==, 3);
  ti = find (checkpoints, KZ_CHECKPOINT_TI);

  uuid = kz_checkpoint_accept (undo, org, ti, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ti->project, ==, uuid);

  project = kz_store_get (store, KZ_KIND_PROJECT, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kz_record_get_string (project, "lead_organisation_id"), ==, kz_record_get_uuid (org));
  g_assert_cmpstr (kz_record_get_string (project, "status"), ==, "planned");
  g_assert_true (g_strv_contains (kz_record_get_list (project, "tags"), "checkpoint-ti"));
  milestones = kz_store_list_by_ref (store, KZ_KIND_MILESTONE, "project_id", uuid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, 1);
  milestone = g_list_model_get_item (milestones, 0);
  g_assert_cmpstr (kz_record_get_string (milestone, "due_date"), ==, "2026-03-29");

  /* Listed again, the accepted one knows its project; the others do not. */
  again = kz_checkpoint_list (store, org, &today, &error);
  g_assert_cmpstr (find (again, KZ_CHECKPOINT_TI)->project, ==, uuid);
  g_assert_null (find (again, KZ_CHECKPOINT_NIS2)->project);

  /* One undo step removes both. */
  g_assert_true (kz_undo_manager_undo (undo, &error));
  g_assert_no_error (error);
  after_undo = kz_checkpoint_list (store, org, &today, &error);
  g_assert_null (find (after_undo, KZ_CHECKPOINT_TI)->project);
  g_clear_object (&milestones);
  milestones = kz_store_list_by_ref (store, KZ_KIND_MILESTONE, "project_id", uuid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, 0);

  field_test_close (store, dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checkpoint/care-service", test_care_service);
  g_test_add_func ("/checkpoint/nis2", test_nis2);
  g_test_add_func ("/checkpoint/accept", test_accept);

  return g_test_run ();
}
