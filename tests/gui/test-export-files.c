/* test-export-files.c
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

/* The window's report, calendar, backup and restore actions, given a
 * file instead of a file chooser, in a real window under Xvfb.  Files
 * are read back with pdfinfo/pdftotext, libical and the store. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <locale.h>
#include <sqlite3.h>

#include "kz-backup-actions.h"
#include "kz-demo.h"
#include "kz-export-actions.h"
#include "kz-list-page.h"
#include "kz-progress-bar.h"
#include "kz-window.h"

static AdwApplication *app;

typedef struct
{
  char      *dir;
  KzStore   *store;
  GSettings *settings;
  KzContext *context;
  KzWindow  *window;
} Fixture;

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GFile    *safety;
  GError   *error;
} Result;

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_for (Result *res)
{
  gint64 deadline = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;

  while (!res->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (res->done);
  drain ();
}

static void
result_clear (Result *res)
{
  g_clear_error (&res->error);
  g_clear_object (&res->safety);
  res->done = res->ok = FALSE;
}

static void
file_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Result *res = user_data;

  res->ok = kz_export_file_finish (KZ_WINDOW (object), result, &res->error);
  res->done = TRUE;
}

static void
backup_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Result *res = user_data;

  res->ok = kz_backup_write_finish (KZ_WINDOW (object), result, &res->error);
  res->done = TRUE;
}

static void
restore_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Result *res = user_data;

  res->safety = kz_backup_restore_finish (KZ_WINDOW (object), result, &res->error);
  res->ok = res->safety != NULL;
  res->done = TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("kz-test-files-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "portfolio.db", NULL);
  fixture->store = kz_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kz_demo_generate (fixture->store, 30, KZ_DEMO_DEFAULT_SEED, NULL, NULL, &error));
  g_assert_no_error (error);

  fixture->settings = g_settings_new ("com.example.Kompetenz");
  g_settings_set_string (fixture->settings, "last-page", "projects");
  fixture->context = kz_context_new (fixture->store, fixture->settings);
  fixture->window = kz_window_new (app, fixture->context);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain ();
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  d = g_dir_open (fixture->dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static GFile *
file_in (Fixture    *fixture,
         const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

/* Names in the directory other than the portfolio's own files. */
static guint
count_other_files (Fixture *fixture)
{
  g_autoptr(GDir) d = g_dir_open (fixture->dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)))
    if (!g_str_has_prefix (name, "portfolio.db"))
      n++;
  return n;
}

static KzListPage *
find_list_page (GtkWidget *widget)
{
  if (KZ_IS_LIST_PAGE (widget) && gtk_widget_get_mapped (widget))
    return KZ_LIST_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      KzListPage *page = find_list_page (child);

      if (page != NULL)
        return page;
    }
  return NULL;
}

static char *
run_tool (const char *tool,
          GFile      *file)
{
  g_autofree char *path = g_file_get_path (file);
  const char *argv[] = { tool, "-enc", "UTF-8", path, "-", NULL };
  const char *info_argv[] = { tool, path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_nonnull (g_find_program_in_path (tool));
  g_spawn_sync (NULL, g_str_equal (tool, "pdfinfo") ? (char **)info_argv : (char **)argv,
                NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Lines wrap where the layout breaks them: compare words only. */
  g_strdelimit (out, "\n\f", ' ');
  return out;
}

static guint
pdf_pages (GFile *file)
{
  g_autofree char *info = run_tool ("pdfinfo", file);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint)g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static gboolean
text_has_title (const char *text,
                const char *title)
{
  g_auto(GStrv) words = g_strsplit (title, " ", -1);

  /* The first two words suffice and survive any line break between. */
  return strstr (text, words[0]) != NULL && (words[1] == NULL || strstr (text, words[1]) != NULL);
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  const char * const running[] = { "status=running", NULL };
  g_autoptr(GFile) english = file_in (fixture, "report-en.pdf");
  g_autoptr(GFile) german = file_in (fixture, "report-de.pdf");
  g_autofree char *text = NULL;
  g_autofree char *text_de = NULL;
  KzListPage *page = find_list_page (GTK_WIDGET (fixture->window));
  GListModel *model;
  Result res = { 0 };
  gint64 start;
  guint shown;

  g_assert_nonnull (page);
  g_assert_cmpint (kz_list_page_get_kind (page), ==, KZ_KIND_PROJECT);
  kz_list_page_apply_view (page, NULL, running);
  drain ();
  model = kz_list_page_get_model (page);
  shown = g_list_model_get_n_items (model);
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, kz_store_count (fixture->store, KZ_KIND_PROJECT));

  start = g_get_monotonic_time ();
  kz_export_report_async (fixture->window, english, "en", NULL, file_ready_cb, &res);
  wait_for (&res);
  /* Reported only, never asserted. */
  g_test_message ("report of %u projects written in %.2f s", shown,
                  (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC);
  g_assert_no_error (res.error);
  g_assert_true (res.ok);

  /* Title page, summary, table and a page per shown project at least. */
  g_assert_cmpuint (pdf_pages (english), >=, shown + 3);
  text = run_tool ("pdftotext", english);
  g_assert_nonnull (strstr (text, "Portfolio report"));
  for (guint i = 0; i < shown; i++)
    {
      g_autoptr(KzRecord) project = g_list_model_get_item (model, i);

      g_assert_true (text_has_title (text, kz_record_get_title (project)));
    }

  result_clear (&res);
  kz_export_report_async (fixture->window, german, "de", NULL, file_ready_cb, &res);
  wait_for (&res);
  g_assert_no_error (res.error);
  text_de = run_tool ("pdftotext", german);
  g_assert_nonnull (strstr (text_de, "Portfoliobericht"));
  g_assert_null (strstr (text_de, "Portfolio report"));
  g_assert_cmpuint (pdf_pages (german), ==, pdf_pages (english));
  result_clear (&res);
}

static void
test_report_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = file_in (fixture, "report.pdf");
  KzProgressBar *bar = kz_progress_bar_get_for_window (ADW_APPLICATION_WINDOW (fixture->window));
  Result res = { 0 };

  g_autoptr(GFile) other = file_in (fixture, "other.ics");
  Result busy = { 0 };

  kz_export_report_async (fixture->window, file, "en", NULL, file_ready_cb, &res);
  g_assert_true (kz_progress_bar_is_busy (bar));
  /* One task at a time: a second one is refused, not queued. */
  kz_export_calendar_async (fixture->window, other, NULL, file_ready_cb, &busy);
  /* Cancelled before the main loop runs again: the report cannot have
   * finished in between, however fast the worker is. */
  kz_progress_bar_cancel (bar);
  wait_for (&busy);
  g_assert_error (busy.error, G_IO_ERROR, G_IO_ERROR_BUSY);
  result_clear (&busy);
  wait_for (&res);
  g_assert_error (res.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (kz_progress_bar_is_busy (bar));

  /* No report and no temporary file left behind. */
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_cmpuint (count_other_files (fixture), ==, 0);
  result_clear (&res);
}

static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = file_in (fixture, "termine.ics");
  g_autofree char *contents = NULL;
  icalcomponent *calendar;
  Result res = { 0 };
  guint n_events = 0;

  kz_export_calendar_async (fixture->window, file, NULL, file_ready_cb, &res);
  wait_for (&res);
  g_assert_no_error (res.error);

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  calendar = icalparser_parse_string (contents);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_assert_true (g_str_has_suffix (icalcomponent_get_uid (event), "@kompetenz"));
      n_events++;
    }
  /* A session each, and a deadline each. */
  g_assert_cmpuint (n_events, ==, kz_store_count (fixture->store, KZ_KIND_SESSION) +
                                  kz_store_count (fixture->store, KZ_KIND_DEADLINE));
  g_assert_cmpuint (n_events, >, 0);
  icalcomponent_free (calendar);
  result_clear (&res);
}

static guint
count_history (KzStore    *store,
               const char *uuid)
{
  g_autoptr(GPtrArray) history = kz_store_get_history (store, uuid, NULL);

  return history ? history->len : 0;
}

static guint
count_partners (KzStore    *store,
                const char *project)
{
  g_autoptr(GListModel) linked = kz_store_list_linked (store, KZ_LINK_PROJECT_ORGANISATION,
                                                       project, TRUE, NULL);

  return g_list_model_get_n_items (linked);
}

static void
restore (Fixture *fixture,
         GFile   *file,
         Result  *res)
{
  result_clear (res);
  kz_backup_restore_async (fixture->window, file, NULL, restore_ready_cb, res);
  wait_for (res);
}

static void
test_backup_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) backup = file_in (fixture, "sicherung.kompetenz");
  g_autoptr(GListModel) projects = kz_store_list (fixture->store, KZ_KIND_PROJECT, NULL);
  g_autoptr(KzRecord) project = g_list_model_get_item (projects, 0);
  g_autoptr(GFile) first_safety = NULL;
  KzUndoManager *undo = kz_window_get_undo_manager (fixture->window);
  const char *uuid = kz_record_get_uuid (project);
  guint n_projects = kz_store_count (fixture->store, KZ_KIND_PROJECT);
  guint n_orgs = kz_store_count (fixture->store, KZ_KIND_ORGANISATION);
  guint n_partners = count_partners (fixture->store, uuid);
  guint n_history;
  Result res = { 0 };

  kz_record_set_string (project, "title", "Vor der Sicherung umbenannt");
  g_assert_true (kz_store_save (fixture->store, project, NULL));
  n_history = count_history (fixture->store, uuid);
  g_assert_cmpuint (n_history, >=, 2);

  kz_backup_write_async (fixture->window, backup, NULL, backup_ready_cb, &res);
  wait_for (&res);
  g_assert_no_error (res.error);
  g_assert_true (g_file_query_exists (backup, NULL));

  /* Changes after the backup: a deletion (with undo history) and a link. */
  g_assert_true (kz_undo_manager_delete (undo, KZ_KIND_PROJECT, uuid, "Delete", NULL));
  g_assert_cmpuint (kz_store_count (fixture->store, KZ_KIND_PROJECT), ==, n_projects - 1);

  restore (fixture, backup, &res);
  g_assert_no_error (res.error);
  g_assert_nonnull (res.safety);
  g_assert_true (g_file_query_exists (res.safety, NULL));
  g_assert_cmpuint (kz_store_count (fixture->store, KZ_KIND_PROJECT), ==, n_projects);
  g_assert_cmpuint (kz_store_count (fixture->store, KZ_KIND_ORGANISATION), ==, n_orgs);
  g_assert_cmpuint (count_partners (fixture->store, uuid), ==, n_partners);
  g_assert_cmpuint (count_history (fixture->store, uuid), ==, n_history);
  /* The history that referred to the replaced content is gone. */
  g_assert_false (kz_undo_manager_can_undo (undo));
  /* The list page reloads and shows the restored projects. */
  {
    GListModel *model = kz_list_page_get_model (find_list_page (GTK_WIDGET (fixture->window)));
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (g_list_model_get_n_items (model) != n_projects && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_projects);
  }

  /* The safety copy brings back the state before the restore. */
  first_safety = g_object_ref (res.safety);
  restore (fixture, first_safety, &res);
  g_assert_no_error (res.error);
  g_assert_cmpuint (kz_store_count (fixture->store, KZ_KIND_PROJECT), ==, n_projects - 1);
  result_clear (&res);
}

static void
test_restore_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) garbage = file_in (fixture, "kaputt.kompetenz");
  g_autoptr(GFile) newer = file_in (fixture, "neuer.kompetenz");
  g_autofree char *newer_path = g_file_get_path (newer);
  guint n_projects = kz_store_count (fixture->store, KZ_KIND_PROJECT);
  Result res = { 0 };
  sqlite3 *db = NULL;
  char *sql;

  g_assert_true (g_file_replace_contents (garbage, "Das ist keine Sicherung.\n", 25, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  restore (fixture, garbage, &res);
  g_assert_nonnull (res.error);
  g_assert_null (res.safety);
  g_assert_cmpuint (kz_store_count (fixture->store, KZ_KIND_PROJECT), ==, n_projects);

  /* A backup from a newer Kompetenz. */
  result_clear (&res);
  kz_backup_write_async (fixture->window, newer, NULL, backup_ready_cb, &res);
  wait_for (&res);
  g_assert_cmpint (sqlite3_open (newer_path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA user_version = %d;", KZ_STORE_SCHEMA_VERSION + 1);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_free (sql);
  sqlite3_close (db);

  restore (fixture, newer, &res);
  g_assert_error (res.error, KZ_STORE_ERROR, KZ_STORE_ERROR_NEWER_SCHEMA);
  g_assert_cmpuint (kz_store_count (fixture->store, KZ_KIND_PROJECT), ==, n_projects);
  /* Refused restores keep no safety copy: nothing was replaced. */
  g_assert_cmpuint (count_other_files (fixture), ==, 2);
  result_clear (&res);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("KOMPETENZ_LOCALEDIR");

  /* English messages; the German report takes its language from the
   * worker thread's locale, which LANGUAGE would override. */
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = adw_application_new ("com.example.Kompetenz.TestExportFiles", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add ("/export-files/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/export-files/report-cancel", Fixture, NULL, fixture_set_up, test_report_cancel, fixture_tear_down);
  g_test_add ("/export-files/calendar", Fixture, NULL, fixture_set_up, test_calendar, fixture_tear_down);
  g_test_add ("/export-files/backup-restore", Fixture, NULL, fixture_set_up, test_backup_restore, fixture_tear_down);
  g_test_add ("/export-files/restore-refused", Fixture, NULL, fixture_set_up, test_restore_refused, fixture_tear_down);

  return g_test_run ();
}
