/* test-cli-lock.c
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

#include <sqlite3.h>
#include <string.h>

#include "kz-cli-test.h"

/* kompetenz-cli next to the app: another KzStore connection keeps the
 * portfolio open and writes, as the app does.  The command line waits
 * for the app's transactions, fails cleanly (exit 3) when the lock
 * stays, and never damages anything. */

#define N_APP_WRITES 150

typedef struct
{
  KzCliTest *t;
  KzStore   *app;       /* the "app's" connection */
  char      *project;   /* a project both edit */
  char      *other;     /* a project only the app edits */
} Fixture;

static char *
nth_project (KzStore *store,
             guint    n)
{
  g_autoptr(GListModel) projects = kz_store_list (store, KZ_KIND_PROJECT, NULL);
  g_autoptr(KzRecord) record = g_list_model_get_item (projects, n);

  return g_strdup (kz_record_get_uuid (record));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->t = kz_cli_test_new ();
  kz_cli_test_make_demo (f->t->database, 5);
  f->app = kz_cli_test_open_store (f->t);
  kz_store_set_author (f->app, "app");
  f->project = nth_project (f->app, 0);
  f->other = nth_project (f->app, 1);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->app);
  g_free (f->project);
  g_free (f->other);
  kz_cli_test_free (f->t);
}

static void
app_set (KzStore    *store,
         const char *uuid,
         const char *field,
         const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KzRecord) record = kz_store_get (store, KZ_KIND_PROJECT, uuid, &error);

  g_assert_no_error (error);
  kz_record_set_text (record, field, value, &error);
  g_assert_no_error (error);
  kz_store_save (store, record, &error);
  g_assert_no_error (error);
}

static char *
app_get (KzStore    *store,
         const char *uuid,
         const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KzRecord) record = kz_store_get (store, KZ_KIND_PROJECT, uuid, &error);

  g_assert_no_error (error);
  return kz_record_dup_text (record, field);
}

static void
assert_intact (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_side_by_side (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *json = NULL;
  g_autofree char *advisor = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *fields;

  app_set (f->app, f->other, "advisor", "App vorher");
  g_free (kz_cli_test_check (f->t, 0, "set", "project", f->project, "advisor=Von der Kommandozeile", NULL));

  /* The app's open connection sees the change at once … */
  advisor = app_get (f->app, f->project, "advisor");
  g_assert_cmpstr (advisor, ==, "Von der Kommandozeile");

  /* … and its own later change of another field keeps the CLI's. */
  app_set (f->app, f->project, "health", "off_track");
  json = kz_cli_test_check (f->t, 0, "show", "project", f->project, "--json", NULL);
  node = kz_cli_test_parse_json (json);
  fields = json_object_get_object_member (json_node_get_object (node), "fields");
  g_assert_cmpstr (json_object_get_string_member (fields, "advisor"), ==, "Von der Kommandozeile");
  g_assert_cmpstr (json_object_get_string_member (fields, "health"), ==, "off_track");
  assert_intact (f->t->database);
}

static int
wait_for (GSubprocess  *process,
          char        **err)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static void
test_waits_for_app (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *assignment = g_strdup ("advisor=Gewartet");
  const char *args[] = { "set", "project", f->project, assignment, NULL };
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *advisor = NULL;
  g_autofree char *other = NULL;
  gint64 start;

  /* The app is in the middle of a longer write. */
  kz_store_begin (f->app, &error);
  g_assert_no_error (error);
  app_set (f->app, f->other, "advisor", "App in der Transaktion");

  start = g_get_monotonic_time ();
  cli = kz_cli_test_spawn (f->t, args);
  g_usleep (1500 * 1000);
  /* Still waiting for the lock. */
  g_assert_nonnull (g_subprocess_get_identifier (cli));
  kz_store_commit (f->app, &error);
  g_assert_no_error (error);

  g_assert_cmpint (wait_for (cli, &err), ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 1500 * 1000);

  advisor = app_get (f->app, f->project, "advisor");
  other = app_get (f->app, f->other, "advisor");
  g_assert_cmpstr (advisor, ==, "Gewartet");
  g_assert_cmpstr (other, ==, "App in der Transaktion");
  assert_intact (f->t->database);
}

static void
test_stays_locked (Fixture       *f,
                   gconstpointer  data)
{
  const char *args[] = { "set", "project", f->project, "advisor=Nie", NULL };
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = app_get (f->app, f->project, "advisor");
  g_autofree char *after = NULL;
  g_autofree char *listed = NULL;

  kz_store_begin (f->app, &error);
  g_assert_no_error (error);
  app_set (f->app, f->other, "advisor", "Verworfen");

  cli = kz_cli_test_spawn (f->t, args);
  g_assert_cmpint (wait_for (cli, &err), ==, 3);
  g_assert_nonnull (strstr (err, "locked"));

  /* Reading never waits for a writer. */
  listed = kz_cli_test_check (f->t, 0, "list", "project", NULL);
  g_assert_nonnull (strstr (listed, "ID"));

  kz_store_rollback (f->app);
  after = app_get (f->app, f->project, "advisor");
  g_assert_cmpstr (after, ==, before);
  assert_intact (f->t->database);

  g_free (kz_cli_test_check (f->t, 0, "set", "project", f->project, "advisor=Jetzt", NULL));
}

static gpointer
app_writer (gpointer data)
{
  Fixture *f = data;

  for (guint i = 0; i < N_APP_WRITES; i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", i);

      app_set (f->app, f->other, "budget_actual", value);
    }

  return NULL;
}

static void
test_concurrent_writes (Fixture       *f,
                        gconstpointer  data)
{
  GThread *thread = g_thread_new ("app-writer", app_writer, f);
  g_autofree char *advisor = NULL;
  g_autofree char *budget = NULL;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *assignment = g_strdup_printf ("advisor=Runde %u", i);

      g_free (kz_cli_test_check (f->t, 0, "set", "project", f->project, assignment,
                                 "--author", "cli", NULL));
    }
  g_thread_join (thread);

  advisor = app_get (f->app, f->project, "advisor");
  budget = app_get (f->app, f->other, "budget_actual");
  g_assert_cmpstr (advisor, ==, "Runde 9");
  g_assert_cmpstr (budget, ==, "149.00");
  assert_intact (f->t->database);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/cli/lock/side-by-side", test_side_by_side);
  ADD ("/cli/lock/waits-for-app", test_waits_for_app);
  ADD ("/cli/lock/stays-locked", test_stays_locked);
  ADD ("/cli/lock/concurrent-writes", test_concurrent_writes);
#undef ADD

  return g_test_run ();
}
