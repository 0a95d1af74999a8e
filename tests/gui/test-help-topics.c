/* test-help-topics.c
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

/* Help: each page of the window and each kind of record opens a topic
 * of the user guide that exists, through the header bar's help button
 * and F1; each kind names its own actions ("New Project").  Run under
 * Xvfb. */

#include "config.h"

#include "kz-gui-test-util.h"

#include <glib/gstdio.h>

#include "kz-kind-labels.h"
#include "kz-record-page.h"
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("kz-test-help-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "portfolio.db", NULL);
  fixture->store = kz_store_open (path, &error);
  g_assert_no_error (error);

  fixture->settings = g_settings_new ("com.example.Kompetenz");
  g_settings_set_string (fixture->settings, "last-page", "overview");
  fixture->context = kz_context_new (fixture->store, fixture->settings);
  fixture->window = kz_window_new (app, fixture->context);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  kz_test_drain ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "portfolio.db", NULL);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  kz_test_drain ();
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
  g_unlink (path);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Asserts that @uri is help:kompetenz/@topic and that the guide has
 * that page. */
static void
assert_topic (const char *uri,
              const char *topic)
{
  g_autofree char *expected = g_strdup_printf ("help:kompetenz/%s", topic);
  g_autofree char *file = g_strconcat (topic, ".page", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "help", "C", file, NULL);

  g_assert_cmpstr (uri, ==, expected);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_page_topics (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct { const char *page, *topic; } expected[] = {
    { "overview", "overview" },
    { "projects", "projects" },
    { "organisations", "organisations" },
    { "firms", "partnerships" },
    { "partnerships", "partnerships" },
    { "trainings", "trainings" },
    { "funding", "funding" },
    { "visits", "visits" },
    { "field", "visits" },
    { "due", "reminders" },
    { "trash", "undo-trash" },
    { "conflicts", "conflicts" },
  };
  GtkWidget *button = kz_test_find_by_action (GTK_WIDGET (fixture->window), "win.page-help");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Help on This Page");
  g_assert_true (gtk_widget_is_sensitive (button));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *uri = NULL;

      g_assert_true (kz_window_show_page (fixture->window, expected[i].page));
      kz_test_drain ();
      g_assert_cmpstr (kz_window_get_page_name (fixture->window), ==, expected[i].page);
      uri = kz_window_get_help_uri (fixture->window);
      assert_topic (uri, expected[i].topic);
    }
}

static void
test_record_topics (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char *topics[] = { "organisations", "maturity", "visits", "projects", "trainings", "funding", "partnerships" };
  gboolean seen[G_N_ELEMENTS (topics)] = { FALSE, };

  g_assert_true (kz_window_show_page (fixture->window, "overview"));
  kz_test_drain ();

  /* Every kind has a topic of its own area, whatever page is behind. */
  for (KzKind kind = 0; kind < KZ_N_KINDS; kind++)
    {
      GtkWidget *page = kz_window_show_record (fixture->window, kind, NULL);
      g_autofree char *uri = NULL;
      const char *topic;

      g_assert_nonnull (page);
      kz_test_drain ();
      uri = kz_window_get_help_uri (fixture->window);
      g_assert_true (g_str_has_prefix (uri, "help:kompetenz/"));
      topic = uri + strlen ("help:kompetenz/");
      assert_topic (uri, topic);
      for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
        seen[i] |= g_str_equal (topics[i], topic);
      kz_window_close_record (fixture->window, kz_record_page_get_uuid (KZ_RECORD_PAGE (page)));
      kz_test_drain ();
    }

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    g_assert_true (seen[i]);

  {
    GtkWidget *page = kz_window_show_record (fixture->window, KZ_KIND_TRAINING, NULL);
    g_autofree char *uri = NULL;

    kz_test_drain ();
    uri = kz_window_get_help_uri (fixture->window);
    assert_topic (uri, "trainings");
    g_assert_cmpstr (kz_record_page_get_title (KZ_RECORD_PAGE (page)), ==, "New Training");
  }
}

/* Each kind names its actions in whole phrases, never "New %s". */
static void
test_kind_labels (void)
{
  for (KzKind kind = 0; kind < KZ_N_KINDS; kind++)
    {
      const KzKindLabels *labels = kz_kind_get_labels (kind);
      const char *phrases[] = { labels->new_title, labels->create, labels->add,
                                labels->delete, labels->choose };

      for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
        {
          g_assert_nonnull (phrases[i]);
          g_assert_null (strchr (phrases[i], '%'));
        }
      g_assert_true (g_str_has_prefix (labels->new_title, "New "));
      g_assert_true (g_str_has_prefix (labels->add, "Add "));
      g_assert_true (g_str_has_suffix (labels->choose, " to add."));
    }
  g_assert_cmpstr (kz_kind_get_labels (KZ_KIND_PROJECT)->new_title, ==, "New Project");
  g_assert_cmpstr (kz_kind_get_labels (KZ_KIND_ORGANISATION)->choose, ==, "Choose an organisation to add.");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = adw_application_new ("com.example.Kompetenz.TestHelp", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/help/kind-labels", test_kind_labels);
  g_test_add ("/help/page-topics", Fixture, NULL, fixture_set_up, test_page_topics, fixture_tear_down);
  g_test_add ("/help/record-topics", Fixture, NULL, fixture_set_up, test_record_topics, fixture_tear_down);

  return g_test_run ();
}
