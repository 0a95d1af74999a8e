/* test-import.c
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

/* The CSV import wizard in a real window under Xvfb: files in a
 * temporary directory, driven step by step as the buttons would. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "kz-import-window.h"
#include "kz-window.h"

/* One application for all tests: it stays registered on the bus. */
static AdwApplication *app;

typedef struct
{
  char           *dir;
  KzStore        *store;
  GSettings      *settings;
  KzContext      *context;
  KzWindow       *window;
  KzImportWindow *wizard;
  char           *existing;   /* uuid of "Bestehender Verein" */
} Fixture;

static const char good_csv[] =
  "Name;Ort;Mitarbeitende;E-Mail\r\n"
  "Diakonie Neustadt;Neustadt;45;info@diakonie-neustadt.de\r\n"
  "Caritas Südstadt;Südstadt;12;kontakt@caritas-suedstadt.de\r\n"
  "Bestehender Verein;Hannover;99;neu@verein.de\r\n"
  "Kaputt e.V.;Linden;viele;post@kaputt.de\r\n"
  ";Linden;3;ohne@name.de\r\n";

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
spin_until (gboolean (*check) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!check (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (check (data));
  drain ();
}

static gboolean
loaded (gpointer data)
{
  return !kz_import_window_is_loading (data);
}

static gboolean
not_running (gpointer data)
{
  return g_strcmp0 (kz_import_window_get_step (data), "running") != 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KzRecord) org = kz_record_new (KZ_KIND_ORGANISATION);

  fixture->dir = g_dir_make_tmp ("kz-test-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "portfolio.db", NULL);
  fixture->store = kz_store_open (path, &error);
  g_assert_no_error (error);

  kz_record_set_string (org, "name", "Bestehender Verein");
  kz_record_set_string (org, "city", "Hannover");
  g_assert_true (kz_record_set_text (org, "staff", "10", NULL));
  g_assert_true (kz_store_save (fixture->store, org, &error));
  fixture->existing = g_strdup (kz_record_get_uuid (org));

  fixture->settings = g_settings_new ("com.example.Kompetenz");
  g_settings_set_string (fixture->settings, "last-page", "organisations");
  fixture->context = kz_context_new (fixture->store, fixture->settings);
  fixture->window = kz_window_new (app, fixture->context);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  drain ();

  fixture->wizard = g_object_ref_sink (kz_import_window_new (fixture->window));
  gtk_window_present (GTK_WINDOW (fixture->wizard));
  kz_import_window_set_kind (fixture->wizard, KZ_KIND_ORGANISATION);
  drain ();
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->wizard));
  g_clear_object (&fixture->wizard);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain ();
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->existing);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
load (Fixture *fixture,
      GFile   *file)
{
  kz_import_window_load_file (fixture->wizard, file);
  spin_until (loaded, fixture->wizard);
}

static void
next (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "wizard.next", NULL);
  drain ();
}

static KzRecord *
find_org (Fixture    *fixture,
          const char *name)
{
  g_autoptr(GListModel) all = kz_store_list (fixture->store, KZ_KIND_ORGANISATION, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (all, i);

      if (g_strcmp0 (kz_record_get_string (record, "name"), name) == 0)
        return g_steal_pointer (&record);
    }
  return NULL;
}

/* Through every step to the result; returns once the run is over. */
static void
run_to_result (Fixture *fixture)
{
  g_assert_cmpstr (kz_import_window_get_step (fixture->wizard), ==, "source");
  next (fixture);
  g_assert_cmpstr (kz_import_window_get_step (fixture->wizard), ==, "mapping");
  next (fixture);
  g_assert_cmpstr (kz_import_window_get_step (fixture->wizard), ==, "preview");
  next (fixture);
  spin_until (not_running, fixture->wizard);
}

static void
test_good_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "Träger.csv", good_csv, -1);
  g_autoptr(GFile) report = NULL;
  g_autoptr(KzRecord) existing = NULL;
  g_autoptr(KzRecord) caritas = NULL;
  g_autofree char *text = NULL;
  KzUndoManager *undo = kz_window_get_undo_manager (fixture->window);
  KzCsvImport *import;
  GListModel *preview;

  load (fixture, file);
  g_assert_null (kz_import_window_get_error (fixture->wizard));
  import = kz_import_window_get_import (fixture->wizard);
  g_assert_nonnull (import);
  g_assert_cmpint (kz_csv_import_get_encoding (import), ==, KZ_CSV_ENCODING_UTF8);
  g_assert_cmpuint (kz_csv_import_get_n_rows (import), ==, 5);
  /* The German headings are mapped already. */
  g_assert_cmpstr (kz_csv_import_get_column_field (import, 1), ==, "city");
  g_assert_cmpstr (kz_csv_import_get_column_field (import, 2), ==, "staff");

  next (fixture);
  next (fixture);
  g_assert_cmpstr (kz_import_window_get_step (fixture->wizard), ==, "preview");
  preview = kz_import_window_get_preview (fixture->wizard);
  g_assert_cmpuint (g_list_model_get_n_items (preview), ==, 5);
  {
    g_autoptr(KzCsvRow) dup = g_list_model_get_item (preview, 2);
    g_autoptr(KzCsvRow) bad = g_list_model_get_item (preview, 3);

    g_assert_cmpint (kz_csv_row_get_action (dup), ==, KZ_CSV_ROW_SKIP);
    g_assert_cmpint (kz_csv_row_get_action (bad), ==, KZ_CSV_ROW_REJECT);
    g_assert_nonnull (kz_csv_row_get_message (bad));
  }

  /* Choosing "update" changes what the preview says about the duplicate. */
  kz_import_window_set_duplicate_policy (fixture->wizard, KZ_CSV_DUPLICATE_UPDATE);
  preview = kz_import_window_get_preview (fixture->wizard);
  {
    g_autoptr(KzCsvRow) dup = g_list_model_get_item (preview, 2);

    g_assert_cmpint (kz_csv_row_get_action (dup), ==, KZ_CSV_ROW_UPDATE);
  }

  next (fixture);
  spin_until (not_running, fixture->wizard);
  g_assert_cmpstr (kz_import_window_get_step (fixture->wizard), ==, "result");
  g_assert_cmpuint (kz_csv_import_get_n_created (import), ==, 2);
  g_assert_cmpuint (kz_csv_import_get_n_updated (import), ==, 1);
  g_assert_cmpuint (kz_csv_import_get_n_rejected (import), ==, 2);
  g_assert_cmpuint (kz_store_count (fixture->store, KZ_KIND_ORGANISATION), ==, 3);

  caritas = find_org (fixture, "Caritas Südstadt");
  g_assert_nonnull (caritas);
  g_assert_cmpstr (kz_record_get_string (caritas, "city"), ==, "Südstadt");
  existing = kz_store_get (fixture->store, KZ_KIND_ORGANISATION, fixture->existing, NULL);
  g_assert_cmpstr (kz_record_get_string (existing, "email"), ==, "neu@verein.de");

  /* The rejected rows, with row numbers as a spreadsheet shows them. */
  report = write_file (fixture, "abgelehnt.csv", "", 0);
  g_assert_true (kz_import_window_save_report (fixture->wizard, report, NULL));
  g_assert_true (g_file_load_contents (report, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "\r\n5;"));
  g_assert_nonnull (strstr (text, "\r\n6;"));

  /* One undo step takes the whole import back, from the main window. */
  g_assert_true (kz_undo_manager_can_undo (undo));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  drain ();
  g_assert_cmpuint (kz_store_count (fixture->store, KZ_KIND_ORGANISATION), ==, 1);
  g_clear_object (&existing);
  existing = kz_store_get (fixture->store, KZ_KIND_ORGANISATION, fixture->existing, NULL);
  g_assert_null (kz_record_get_string (existing, "email"));
  g_assert_false (kz_undo_manager_can_undo (undo));
}

static void
test_keep_both (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "Träger.csv", good_csv, -1);

  load (fixture, file);
  kz_import_window_set_duplicate_policy (fixture->wizard, KZ_CSV_DUPLICATE_KEEP_BOTH);
  run_to_result (fixture);
  g_assert_cmpstr (kz_import_window_get_step (fixture->wizard), ==, "result");
  /* Three new ones, "Bestehender Verein" twice now. */
  g_assert_cmpuint (kz_store_count (fixture->store, KZ_KIND_ORGANISATION), ==, 4);
}

static void
test_windows_1252 (Fixture       *fixture,
                   gconstpointer  data)
{
  /* "Trägerverein Köln" and "Straße" in Windows-1252, as old Excel saves. */
  static const char cp1252[] =
    "Name;Stra\xdf" "e;Ort\r\n"
    "Tr\xe4gerverein K\xf6ln;Hauptstra\xdf" "e 1;K\xf6ln\r\n"
    "Sozialwerk \x80uro;Am Markt 2;D\xfcren\r\n";
  g_autoptr(GFile) file = write_file (fixture, "alt.csv", cp1252, sizeof cp1252 - 1);
  g_autoptr(KzRecord) org = NULL;
  KzCsvImport *import;

  load (fixture, file);
  g_assert_null (kz_import_window_get_error (fixture->wizard));
  import = kz_import_window_get_import (fixture->wizard);
  g_assert_cmpint (kz_csv_import_get_encoding (import), ==, KZ_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpstr (kz_csv_import_get_column_field (import, 1), ==, "street");

  /* Asking for Latin-1 instead is possible; the euro sign then differs. */
  kz_import_window_set_encoding (fixture->wizard, KZ_CSV_ENCODING_LATIN1);
  g_assert_cmpint (kz_csv_import_get_encoding (import), ==, KZ_CSV_ENCODING_LATIN1);
  kz_import_window_set_encoding (fixture->wizard, KZ_CSV_ENCODING_WINDOWS_1252);

  run_to_result (fixture);
  g_assert_cmpstr (kz_import_window_get_step (fixture->wizard), ==, "result");
  org = find_org (fixture, "Trägerverein Köln");
  g_assert_nonnull (org);
  g_assert_cmpstr (kz_record_get_string (org, "street"), ==, "Hauptstraße 1");
  g_clear_object (&org);
  org = find_org (fixture, "Sozialwerk €uro");
  g_assert_nonnull (org);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  static const char open_quote[] = "Name;Ort\r\n\"Offen;Hannover\r\nZweite;Linden\r\n";
  g_autoptr(GFile) png = write_file (fixture, "bild.csv", binary, sizeof binary - 1);
  g_autoptr(GFile) ragged = write_file (fixture, "kaputt.csv", open_quote, -1);
  g_autoptr(GFile) empty = write_file (fixture, "leer.csv", "", 0);
  g_autoptr(GFile) good = write_file (fixture, "gut.csv", good_csv, -1);

  for (guint i = 0; i < 3; i++)
    {
      GFile *files[] = { png, ragged, empty };

      load (fixture, files[i]);
      /* A message, no import, and the user stays on the first step. */
      g_assert_nonnull (kz_import_window_get_error (fixture->wizard));
      g_assert_null (kz_import_window_get_import (fixture->wizard));
      g_assert_cmpstr (kz_import_window_get_step (fixture->wizard), ==, "source");
      next (fixture);
      g_assert_cmpstr (kz_import_window_get_step (fixture->wizard), ==, "source");
    }

  /* Choosing a good file afterwards works. */
  load (fixture, good);
  g_assert_null (kz_import_window_get_error (fixture->wizard));
  g_assert_cmpuint (kz_store_count (fixture->store, KZ_KIND_ORGANISATION), ==, 1);
}

static void
test_unmapped_name (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "Träger.csv", good_csv, -1);
  KzCsvImport *import;

  load (fixture, file);
  import = kz_import_window_get_import (fixture->wizard);
  next (fixture);
  g_assert_true (kz_csv_import_set_column_field (import, 0, NULL, NULL));
  next (fixture);
  /* Without a name column the preview refuses, with a reason. */
  g_assert_cmpstr (kz_import_window_get_step (fixture->wizard), ==, "mapping");
  g_assert_nonnull (kz_import_window_get_error (fixture->wizard));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("Name;Ort\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(KzRecord) earlier = kz_record_new (KZ_KIND_ORGANISATION);
  KzUndoManager *undo = kz_window_get_undo_manager (fixture->window);
  gint64 start;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (csv, "Einrichtung %u;Hannover\n", i);
  file = write_file (fixture, "gross.csv", csv->str, -1);

  kz_record_set_string (earlier, "name", "Vorher angelegt");
  g_assert_true (kz_undo_manager_save (undo, earlier, "Earlier", NULL));

  load (fixture, file);
  next (fixture);
  next (fixture);
  /* Cancel at once, before the main loop could deliver the result. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->wizard), "wizard.next", NULL);
  g_assert_cmpstr (kz_import_window_get_step (fixture->wizard), ==, "running");
  kz_import_window_cancel (fixture->wizard);
  spin_until (not_running, fixture->wizard);

  /* Back at the preview with a message; nothing written, history kept. */
  g_assert_cmpstr (kz_import_window_get_step (fixture->wizard), ==, "preview");
  g_assert_nonnull (kz_import_window_get_error (fixture->wizard));
  g_assert_cmpuint (kz_store_count (fixture->store, KZ_KIND_ORGANISATION), ==, 2);
  g_assert_cmpstr (kz_undo_manager_get_undo_label (undo), ==, "Earlier");

  /* Importing again afterwards works.  (The time is only reported.) */
  start = g_get_monotonic_time ();
  next (fixture);
  spin_until (not_running, fixture->wizard);
  g_test_message ("2000 rows imported through the wizard in %.2f s",
                  (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC);
  g_assert_cmpuint (kz_store_count (fixture->store, KZ_KIND_ORGANISATION), ==, 2002);
}

static KzImportWindow *
find_other_wizard (KzImportWindow *mine)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KZ_IS_IMPORT_WINDOW (window) && (gpointer)window != (gpointer)mine)
        return KZ_IMPORT_WINDOW (window);
    }
  return NULL;
}

/* The menu item and Ctrl+I open the wizard for the list on show. */
static void
test_action (Fixture       *fixture,
             gconstpointer  data)
{
  KzImportWindow *wizard;
  g_autoptr(GFile) file = write_file (fixture, "Träger.csv", good_csv, -1);

  g_assert_null (find_other_wizard (fixture->wizard));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "import.csv", NULL));
  drain ();
  wizard = find_other_wizard (fixture->wizard);
  g_assert_nonnull (wizard);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (wizard)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (kz_import_window_get_step (wizard), ==, "source");

  kz_import_window_load_file (wizard, file);
  spin_until (loaded, wizard);
  /* The organisations list was on show. */
  g_assert_cmpint (kz_csv_import_get_kind (kz_import_window_get_import (wizard)), ==, KZ_KIND_ORGANISATION);
  gtk_window_destroy (GTK_WINDOW (wizard));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = adw_application_new ("com.example.Kompetenz.TestImport", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add ("/import/good-file", Fixture, NULL, fixture_set_up, test_good_file, fixture_tear_down);
  g_test_add ("/import/keep-both", Fixture, NULL, fixture_set_up, test_keep_both, fixture_tear_down);
  g_test_add ("/import/windows-1252", Fixture, NULL, fixture_set_up, test_windows_1252, fixture_tear_down);
  g_test_add ("/import/bad-files", Fixture, NULL, fixture_set_up, test_bad_files, fixture_tear_down);
  g_test_add ("/import/unmapped-name", Fixture, NULL, fixture_set_up, test_unmapped_name, fixture_tear_down);
  g_test_add ("/import/action", Fixture, NULL, fixture_set_up, test_action, fixture_tear_down);
  g_test_add ("/import/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);

  return g_test_run ();
}
