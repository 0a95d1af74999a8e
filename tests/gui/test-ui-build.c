/* test-ui-build.c
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

/* Builds every .ui file of the application after adw_init(): each
 * template widget, a record page of every kind (new and existing) and
 * the shortcuts window.  gtk4-builder-tool cannot check these, as they
 * use libadwaita types. */

#include "config.h"

#include <glib/gstdio.h>

#include "kz-demo.h"
#include "kz-preferences-window.h"
#include "kz-record-page.h"
#include "kz-trash-page.h"
#include "kz-window.h"

typedef struct
{
  char      *dir;
  char      *path;
  KzStore   *store;
  GSettings *settings;
  KzContext *context;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kz-test-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "portfolio.db", NULL);
  fixture->store = kz_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (kz_demo_generate (fixture->store, 10, KZ_DEMO_DEFAULT_SEED, NULL, NULL, &error));
  fixture->settings = g_settings_new ("com.example.Kompetenz");
  fixture->context = kz_context_new (fixture->store, fixture->settings);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
test_record_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KzUndoManager) undo_manager = kz_undo_manager_new (fixture->store);

  for (guint kind = 0; kind < KZ_N_KINDS; kind++)
    {
      g_autoptr(GListModel) records = kz_store_list (fixture->store, kind, NULL);
      g_autoptr(GtkWidget) fresh = g_object_ref_sink (kz_record_page_new (fixture->context, undo_manager, kind, NULL));

      g_assert_true (kz_record_page_is_new (KZ_RECORD_PAGE (fresh)));
      g_assert_nonnull (kz_record_page_get_title (KZ_RECORD_PAGE (fresh)));

      if (records != NULL && g_list_model_get_n_items (records) > 0)
        {
          g_autoptr(KzRecord) record = g_list_model_get_item (records, 0);
          g_autoptr(GtkWidget) page = g_object_ref_sink (kz_record_page_new (fixture->context, undo_manager, kind,
                                                                             kz_record_get_uuid (record)));

          g_assert_false (kz_record_page_is_new (KZ_RECORD_PAGE (page)));
          g_assert_cmpstr (kz_record_page_get_uuid (KZ_RECORD_PAGE (page)), ==, kz_record_get_uuid (record));
        }
    }
}

static void
test_window (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AdwApplication) app = adw_application_new ("com.example.Kompetenz.TestUi", G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  KzUndoManager *undo_manager;
  KzWindow *window;
  GtkWidget *preferences;
  GtkWidget *trash;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = kz_window_new (app, fixture->context);
  undo_manager = kz_window_get_undo_manager (window);
  g_assert_nonnull (undo_manager);
  for (const char *const *name = (const char *const[]) { "overview", "projects", "organisations", "firms",
                                                          "partnerships", "trainings", "funding", "visits",
                                                          "trash", NULL };
       *name; name++)
    g_assert_true (kz_window_show_page (window, *name));

  trash = g_object_ref_sink (kz_trash_page_new (fixture->context, undo_manager));
  g_object_unref (trash);

  preferences = kz_preferences_window_new (fixture->context);
  gtk_window_destroy (GTK_WINDOW (preferences));

  builder = gtk_builder_new_from_resource ("/com/example/Kompetenz/gtk/help-overlay.ui");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/record-pages", Fixture, NULL, fixture_set_up, test_record_pages, fixture_tear_down);
  g_test_add ("/ui/window", Fixture, NULL, fixture_set_up, test_window, fixture_tear_down);

  return g_test_run ();
}
