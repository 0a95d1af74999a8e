/* test-reminder.c
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
#include "kz-reminder.h"

typedef struct
{
  int year, month, day;
} FakeClock;

static GDateTime *
fake_clock (gpointer user_data)
{
  FakeClock *clock = user_data;

  return g_date_time_new_local (clock->year, clock->month, clock->day, 9, 30, 0);
}

typedef struct
{
  char      *dir;
  KzStore   *store;
  KzRecord  *task;
  KzRecord  *milestone;
  KzRecord  *deadline;
  KzRecord  *training;
} Portfolio;

static void
portfolio_init (Portfolio *p)
{
  g_autoptr(KzRecord) org = NULL, visit = NULL, project = NULL, programme = NULL;
  g_autoptr(KzRecord) done = NULL, closed = NULL, cancelled = NULL, dropped = NULL;

  p->store = field_test_open_store (&p->dir);
  org = field_test_add (p->store, KZ_KIND_ORGANISATION, "name", "Diakonie Pflege", NULL);
  visit = field_test_add (p->store, KZ_KIND_VISIT, "organisation_id", kz_record_get_uuid (org),
                          "date", "2026-05-01", NULL);
  project = field_test_add (p->store, KZ_KIND_PROJECT, "title", "WLAN", "status", "running", NULL);
  programme = field_test_add (p->store, KZ_KIND_PROGRAMME, "name", "DigiWohl", "funder", "ESF Plus", NULL);

  p->task = field_test_add (p->store, KZ_KIND_TASK, "visit_id", kz_record_get_uuid (visit),
                            "title", "Angebot schicken", "due_date", "2026-05-10", NULL);
  p->milestone = field_test_add (p->store, KZ_KIND_MILESTONE, "project_id", kz_record_get_uuid (project),
                                 "title", "Access points", "due_date", "2026-05-20", NULL);
  p->deadline = field_test_add (p->store, KZ_KIND_DEADLINE, "programme_id", kz_record_get_uuid (programme),
                                "date", "2026-06-01", "title", "Zweite Runde", NULL);
  p->training = field_test_add (p->store, KZ_KIND_TRAINING, "title", "KI im Sozialen",
                                "status", "open", "registration_deadline", "2026-05-12", NULL);
  /* Not reminded: done, and a training that is already completed. */
  done = field_test_add (p->store, KZ_KIND_TASK, "visit_id", kz_record_get_uuid (visit),
                         "title", "Erledigt", "due_date", "2026-05-10", "done", "true", NULL);
  closed = field_test_add (p->store, KZ_KIND_TRAINING, "title", "Vorbei", "status", "completed",
                           "registration_deadline", "2026-05-12", NULL);
  /* Nor the open milestone of a cancelled project. */
  cancelled = field_test_add (p->store, KZ_KIND_PROJECT, "title", "Eingestellt", "status", "cancelled", NULL);
  dropped = field_test_add (p->store, KZ_KIND_MILESTONE, "project_id", kz_record_get_uuid (cancelled),
                            "title", "Nie erreicht", "due_date", "2026-05-15", NULL);
}

static void
portfolio_clear (Portfolio *p)
{
  g_clear_object (&p->task);
  g_clear_object (&p->milestone);
  g_clear_object (&p->deadline);
  g_clear_object (&p->training);
  field_test_close (p->store, p->dir);
}

static GPtrArray *
collect (Portfolio *p)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = kz_reminder_collect (p->store, &error);

  g_assert_no_error (error);
  return items;
}

static void
test_collect (void)
{
  Portfolio p;
  g_autoptr(GPtrArray) items = NULL;
  KzReminderItem *item;

  portfolio_init (&p);
  items = collect (&p);

  g_assert_cmpuint (items->len, ==, 4);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpint (item->source, ==, KZ_REMINDER_TASK);
  g_assert_cmpint (item->kind, ==, KZ_KIND_TASK);
  g_assert_cmpstr (item->uuid, ==, kz_record_get_uuid (p.task));
  g_assert_cmpstr (item->due, ==, "2026-05-10");
  /* A task is shown with the organisation visited. */
  g_assert_cmpstr (item->context, ==, "Diakonie Pflege");
  item = g_ptr_array_index (items, 1);
  g_assert_cmpint (item->source, ==, KZ_REMINDER_REGISTRATION);
  g_assert_cmpstr (item->title, ==, "KI im Sozialen");
  item = g_ptr_array_index (items, 2);
  g_assert_cmpint (item->source, ==, KZ_REMINDER_MILESTONE);
  g_assert_cmpstr (item->context, ==, "WLAN");
  item = g_ptr_array_index (items, 3);
  g_assert_cmpint (item->source, ==, KZ_REMINDER_DEADLINE);
  g_assert_cmpstr (item->context, ==, "DigiWohl");

  portfolio_clear (&p);
}

static void
collected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
test_collect_async (void)
{
  Portfolio p;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  portfolio_init (&p);
  kz_reminder_collect_async (p.store, NULL, collected_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  items = kz_reminder_collect_finish (p.store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 4);
  g_assert_cmpstr (((KzReminderItem *)g_ptr_array_index (items, 0))->uuid, ==, kz_record_get_uuid (p.task));

  portfolio_clear (&p);
}

static void
test_filter_due (void)
{
  Portfolio p;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) due = NULL;
  GDate today;

  portfolio_init (&p);
  items = collect (&p);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 11, 5, 2026);

  /* Overdue task, registration tomorrow; the milestone is 9 days away. */
  due = kz_reminder_filter_due (items, &today, 7);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpint (kz_reminder_item_days_left (g_ptr_array_index (due, 0), &today), ==, -1);
  g_assert_cmpint (kz_reminder_item_days_left (g_ptr_array_index (due, 1), &today), ==, 1);
  g_clear_pointer (&due, g_ptr_array_unref);
  due = kz_reminder_filter_due (items, &today, 9);
  g_assert_cmpuint (due->len, ==, 3);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Nine days after the call deadline (1 June) it is still listed as
   * overdue; nineteen days after, it can no longer be met and is gone,
   * while the overdue task, registration and milestone stay. */
  g_date_set_dmy (&today, 10, 6, 2026);
  due = kz_reminder_filter_due (items, &today, 7);
  g_assert_cmpuint (due->len, ==, 4);
  g_clear_pointer (&due, g_ptr_array_unref);
  g_date_set_dmy (&today, 20, 6, 2026);
  due = kz_reminder_filter_due (items, &today, 7);
  g_assert_cmpuint (due->len, ==, 3);
  for (guint i = 0; i < due->len; i++)
    g_assert_cmpint (((KzReminderItem *)g_ptr_array_index (due, i))->source, !=, KZ_REMINDER_DEADLINE);

  portfolio_clear (&p);
}

static guint
count_notices (GArray          *notices,
               KzReminderSource source,
               KzReminderStage  stage)
{
  guint n = 0;

  for (guint i = 0; i < notices->len; i++)
    {
      KzReminderNotice *notice = &g_array_index (notices, KzReminderNotice, i);

      if (notice->item->source == source && notice->stage == stage)
        n++;
    }
  return n;
}

static GArray *
poll (KzReminderScheduler *scheduler,
      GPtrArray           *items)
{
  g_autoptr(GError) error = NULL;
  GArray *notices = kz_reminder_scheduler_poll (scheduler, items, &error);

  g_assert_no_error (error);
  return notices;
}

static void
test_schedule (void)
{
  Portfolio p;
  FakeClock clock = { 2026, 5, 1 };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(KzReminderScheduler) scheduler = kz_reminder_scheduler_new (NULL);
  g_autoptr(GArray) notices = NULL;

  portfolio_init (&p);
  items = collect (&p);
  kz_reminder_scheduler_set_clock (scheduler, fake_clock, &clock);
  kz_reminder_scheduler_set_lead_days (scheduler, KZ_REMINDER_TASK, 3);
  kz_reminder_scheduler_set_lead_days (scheduler, KZ_REMINDER_REGISTRATION, 7);
  kz_reminder_scheduler_set_lead_days (scheduler, KZ_REMINDER_MILESTONE, 0);
  kz_reminder_scheduler_set_lead_days (scheduler, KZ_REMINDER_DEADLINE, 14);

  /* 1 May: nothing within its lead time. */
  notices = poll (scheduler, items);
  g_assert_cmpuint (notices->len, ==, 0);
  g_clear_pointer (&notices, g_array_unref);

  /* 5 May: the registration deadline (12 May) is 7 days away. */
  clock.day = 5;
  notices = poll (scheduler, items);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpuint (count_notices (notices, KZ_REMINDER_REGISTRATION, KZ_REMINDER_STAGE_SOON), ==, 1);
  g_clear_pointer (&notices, g_array_unref);

  /* 6 May: the same is not announced twice. */
  clock.day = 6;
  notices = poll (scheduler, items);
  g_assert_cmpuint (notices->len, ==, 0);
  g_clear_pointer (&notices, g_array_unref);

  /* 7 May: the task (10 May) comes within 3 days. */
  clock.day = 7;
  notices = poll (scheduler, items);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpuint (count_notices (notices, KZ_REMINDER_TASK, KZ_REMINDER_STAGE_SOON), ==, 1);
  g_clear_pointer (&notices, g_array_unref);

  /* 19 May: task and registration are overdue, the deadline (1 June) is
   * within 14 days; the milestone (20 May, no lead time) is not yet. */
  clock.day = 19;
  notices = poll (scheduler, items);
  g_assert_cmpuint (notices->len, ==, 3);
  g_assert_cmpuint (count_notices (notices, KZ_REMINDER_TASK, KZ_REMINDER_STAGE_OVERDUE), ==, 1);
  g_assert_cmpuint (count_notices (notices, KZ_REMINDER_REGISTRATION, KZ_REMINDER_STAGE_OVERDUE), ==, 1);
  g_assert_cmpuint (count_notices (notices, KZ_REMINDER_DEADLINE, KZ_REMINDER_STAGE_SOON), ==, 1);
  g_clear_pointer (&notices, g_array_unref);

  /* 20 May: only the milestone, on its day. */
  clock.day = 20;
  notices = poll (scheduler, items);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpuint (count_notices (notices, KZ_REMINDER_MILESTONE, KZ_REMINDER_STAGE_SOON), ==, 1);
  g_clear_pointer (&notices, g_array_unref);

  /* 25 May: the milestone is overdue now, announced once more. */
  clock.day = 25;
  notices = poll (scheduler, items);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpuint (count_notices (notices, KZ_REMINDER_MILESTONE, KZ_REMINDER_STAGE_OVERDUE), ==, 1);
  g_clear_pointer (&notices, g_array_unref);

  portfolio_clear (&p);
}

static void
test_restart (void)
{
  Portfolio p;
  FakeClock clock = { 2026, 7, 1 };
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *state = NULL;
  g_autoptr(GArray) notices = NULL;
  g_autoptr(GError) error = NULL;

  portfolio_init (&p);
  state = g_build_filename (p.dir, "state", "reminders.ini", NULL);
  items = collect (&p);

  /* The app starts long after every date: each is overdue, announced once. */
  {
    g_autoptr(KzReminderScheduler) scheduler = kz_reminder_scheduler_new (state);

    kz_reminder_scheduler_set_clock (scheduler, fake_clock, &clock);
    notices = poll (scheduler, items);
    g_assert_cmpuint (notices->len, ==, 4);
    g_assert_cmpuint (count_notices (notices, KZ_REMINDER_DEADLINE, KZ_REMINDER_STAGE_OVERDUE), ==, 1);
    g_clear_pointer (&notices, g_array_unref);
  }
  g_assert_true (g_file_test (state, G_FILE_TEST_EXISTS));

  /* A restart the next day announces nothing again. */
  clock.day = 2;
  {
    g_autoptr(KzReminderScheduler) scheduler = kz_reminder_scheduler_new (state);

    kz_reminder_scheduler_set_clock (scheduler, fake_clock, &clock);
    notices = poll (scheduler, items);
    g_assert_cmpuint (notices->len, ==, 0);
    g_clear_pointer (&notices, g_array_unref);
  }

  /* The task is moved to a new date: it is announced for that date. */
  kz_record_set_string (p.task, "due_date", "2026-07-03");
  kz_store_save (p.store, p.task, &error);
  g_assert_no_error (error);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = collect (&p);
  {
    g_autoptr(KzReminderScheduler) scheduler = kz_reminder_scheduler_new (state);

    kz_reminder_scheduler_set_clock (scheduler, fake_clock, &clock);
    notices = poll (scheduler, items);
    g_assert_cmpuint (notices->len, ==, 1);
    g_assert_cmpuint (count_notices (notices, KZ_REMINDER_TASK, KZ_REMINDER_STAGE_SOON), ==, 1);
    g_clear_pointer (&notices, g_array_unref);
  }

  /* A task marked done leaves the list and the state. */
  kz_record_set_bool (p.task, "done", TRUE);
  kz_store_save (p.store, p.task, &error);
  g_assert_no_error (error);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = collect (&p);
  g_assert_cmpuint (items->len, ==, 3);
  {
    g_autoptr(KzReminderScheduler) scheduler = kz_reminder_scheduler_new (state);
    g_autoptr(GKeyFile) keyfile = g_key_file_new ();
    g_autofree char *key = g_strdup_printf ("%s-soon", kz_record_get_uuid (p.task));

    kz_reminder_scheduler_set_clock (scheduler, fake_clock, &clock);
    notices = poll (scheduler, items);
    g_assert_cmpuint (notices->len, ==, 0);
    g_clear_pointer (&notices, g_array_unref);
    g_assert_true (g_key_file_load_from_file (keyfile, state, G_KEY_FILE_NONE, NULL));
    g_assert_false (g_key_file_has_key (keyfile, "announced", key, NULL));
  }

  portfolio_clear (&p);
}

static void
test_unwritable_state (void)
{
  Portfolio p;
  FakeClock clock = { 2026, 7, 1 };
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *blocker = NULL;
  g_autofree char *state = NULL;
  g_autoptr(KzReminderScheduler) scheduler = NULL;
  g_autoptr(GArray) notices = NULL;
  g_autoptr(GError) error = NULL;

  portfolio_init (&p);
  items = collect (&p);
  /* A file where the state's folder should be. */
  blocker = g_build_filename (p.dir, "blocker", NULL);
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  state = g_build_filename (blocker, "reminders.ini", NULL);
  scheduler = kz_reminder_scheduler_new (state);
  kz_reminder_scheduler_set_clock (scheduler, fake_clock, &clock);

  notices = kz_reminder_scheduler_poll (scheduler, items, &error);
  g_assert_null (notices);
  g_assert_nonnull (error);

  portfolio_clear (&p);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminder/collect", test_collect);
  g_test_add_func ("/reminder/collect-async", test_collect_async);
  g_test_add_func ("/reminder/filter-due", test_filter_due);
  g_test_add_func ("/reminder/schedule", test_schedule);
  g_test_add_func ("/reminder/restart", test_restart);
  g_test_add_func ("/reminder/unwritable-state", test_unwritable_state);

  return g_test_run ();
}
