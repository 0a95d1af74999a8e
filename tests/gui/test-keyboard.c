/* test-keyboard.c
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

/* Keyboard: on every page of a populated portfolio, Tab moves through
 * every visible control of the window and comes back to where it began,
 * so that nothing needs a mouse.  Run under Xvfb. */

#include "config.h"

#include "kz-gui-test-util.h"

#include <glib/gstdio.h>

#include "kz-demo.h"
#include "kz-record-page.h"
#include "kz-window.h"

static AdwApplication *app;

/* Lets the pages load their rows in the background. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  kz_test_drain ();
}

/* A control the user acts on, which Tab has to reach. */
static gboolean
is_control (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget) ||
      !gtk_widget_get_focusable (widget))
    return FALSE;

  /* A menu button's inner toggle, a drop-down's button: reached as
   * their own GtkButton. */
  return GTK_IS_BUTTON (widget) || GTK_IS_FLOW_BOX_CHILD (widget) || GTK_IS_TEXT (widget) || GTK_IS_TEXT_VIEW (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SCALE (widget);
}

static void
collect_controls (GtkWidget *widget,
                  GPtrArray *controls)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  /* Rows of long lists are reached with the arrow keys, not Tab; the
   * window's minimise, maximise and close buttons through the window
   * manager's keys. */
  if (GTK_IS_LIST_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget) || GTK_IS_WINDOW_CONTROLS (widget))
    return;
  if (is_control (widget))
    g_ptr_array_add (controls, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_controls (child, controls);
}

/* "GtkButton in GtkFlowBoxChild in GtkFlowBox …", for the test log. */
static char *
describe (GtkWidget *widget)
{
  GString *text = g_string_new (G_OBJECT_TYPE_NAME (widget));
  const char *label = gtk_widget_get_tooltip_text (widget);

  if (label == NULL && GTK_IS_BUTTON (widget))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  if (label != NULL)
    g_string_append_printf (text, " “%s”", label);
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (!GTK_IS_BOX (w))
      g_string_append_printf (text, " in %s", G_OBJECT_TYPE_NAME (w));
  return g_string_free (text, FALSE);
}

/* The content pane: header bar and page, the leaflet's second child.
 * (Tab in the sidebar selects pages, so the round stays in here.) */
static GtkWidget *
find_content_pane (KzWindow *window)
{
  GtkWidget *pane = kz_test_find_by_action (GTK_WIDGET (window), "win.page-help");

  g_assert_nonnull (pane);
  while (!ADW_IS_LEAFLET (gtk_widget_get_parent (pane)))
    pane = gtk_widget_get_parent (pane);
  return pane;
}

/* Follows Tab from the first control of @pane until focus leaves the
 * pane or comes back; returns everything focused on the way, with its
 * ancestors: a control counts as reached when focus was on or in it. */
static GHashTable *
tab_round (KzWindow  *window,
           GtkWidget *pane,
           GtkWidget *first)
{
  GHashTable *reached = g_hash_table_new (NULL, NULL);

  g_assert_true (gtk_widget_grab_focus (first));
  for (guint i = 0; i < 2000; i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

      g_assert_nonnull (focus);
      if (i > 0 && (focus == first || !gtk_widget_is_ancestor (focus, pane)))
        return reached;
      if (g_getenv ("KZ_TEST_TRACE_FOCUS"))
        {
          g_autofree char *what = describe (focus);
          g_test_message ("focus %u: %.120s", i, what);
        }
      for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
        g_hash_table_add (reached, w);

      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      kz_test_drain ();
    }

  g_assert_not_reached ();
  return reached;
}

/* Cells of a grid count as reached when Tab reaches the grid: the arrow
 * keys move between them. */
static gboolean
is_reached (GHashTable *reached,
            GtkWidget  *control)
{
  GtkWidget *grid = gtk_widget_get_ancestor (control, GTK_TYPE_FLOW_BOX);

  if (grid != NULL && GTK_IS_FLOW_BOX_CHILD (control))
    return g_hash_table_contains (reached, grid);
  return g_hash_table_contains (reached, control);
}

static void
test_tab_reaches_every_control (void)
{
  static const char *pages[] = { "overview", "projects", "organisations", "firms",
                                 "partnerships", "trainings", "funding", "visits", "field", "due",
                                 "trash" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kz-test-keyboard-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "portfolio.db", NULL);
  g_autoptr(KzStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(KzContext) context = NULL;
  KzWindow *window;
  GtkWidget *pane;

  g_assert_no_error (error);
  store = kz_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kz_demo_generate (store, 20, KZ_DEMO_DEFAULT_SEED, NULL, NULL, &error));
  g_assert_no_error (error);

  settings = g_settings_new ("com.example.Kompetenz");
  g_settings_set_string (settings, "last-page", "overview");
  context = kz_context_new (store, settings);
  window = kz_window_new (app, context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  pane = find_content_pane (window);

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autoptr(GPtrArray) controls = g_ptr_array_new ();
      g_autoptr(GHashTable) reached = NULL;
      guint missed = 0;

      g_assert_true (kz_window_show_page (window, pages[p]));
      settle ();
      collect_controls (pane, controls);
      g_assert_cmpuint (controls->len, >=, 2);
      reached = tab_round (window, pane, controls->pdata[0]);

      for (guint i = 0; i < controls->len; i++)
        if (!is_reached (reached, controls->pdata[i]))
          {
            g_autofree char *what = describe (controls->pdata[i]);

            g_test_message ("%s: Tab never reaches %s", pages[p], what);
            missed++;
          }
      g_assert_cmpuint (missed, ==, 0);
    }

  /* A record's page: every field, the sections and the delete button. */
  for (KzKind kind = 0; kind < KZ_N_KINDS; kind++)
    {
      g_autoptr(GPtrArray) controls = g_ptr_array_new ();
      g_autoptr(GHashTable) reached = NULL;
      GtkWidget *page = kz_window_show_record (window, kind, NULL);
      guint missed = 0;

      settle ();
      collect_controls (pane, controls);
      reached = tab_round (window, pane, controls->pdata[0]);
      for (guint i = 0; i < controls->len; i++)
        if (!is_reached (reached, controls->pdata[i]))
          {
            g_autofree char *what = describe (controls->pdata[i]);

            g_test_message ("new %s: Tab never reaches %s", kz_kind_get_info (kind)->name, what);
            missed++;
          }
      g_assert_cmpuint (missed, ==, 0);
      kz_window_close_record (window, kz_record_page_get_uuid (KZ_RECORD_PAGE (page)));
      settle ();
    }

  gtk_window_destroy (GTK_WINDOW (window));
  kz_test_drain ();
  g_clear_object (&context);
  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* No page transitions: during one, two pages are on screen. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  app = adw_application_new ("com.example.Kompetenz.TestKeyboard", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/keyboard/tab-reaches-every-control", test_tab_reaches_every_control);

  return g_test_run ();
}
