/* bench-list.c
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

/* Measures the project list of a real window on an existing portfolio:
 * loading, filtering per keystroke, sorting by a header, scrolling, the
 * global search and the resident memory.  Prints "name: value" lines
 * that run-bench.py collects.  Needs a display (Xvfb). */

#include "config.h"

#include <string.h>

#include "bench-util.h"
#include "kz-list-page.h"
#include "kz-overview-page.h"
#include "kz-renderer.h"
#include "kz-window.h"

#define ITERATE_UNTIL(cond) \
  G_STMT_START { \
    while (!(cond)) \
      g_main_context_iteration (NULL, TRUE); \
  } G_STMT_END

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             gboolean (*check) (GtkWidget *))
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (check == NULL || check (child)))
        return child;
      if ((found = find_widget (child, type, check)))
        return found;
    }

  return NULL;
}

static gboolean
is_loaded_overview (GtkWidget *widget)
{
  return kz_overview_page_get_subtitle (KZ_OVERVIEW_PAGE (widget)) != NULL;
}

static gboolean
is_project_page (GtkWidget *widget)
{
  return kz_list_page_get_kind (KZ_LIST_PAGE (widget)) == KZ_KIND_PROJECT;
}

/* Lets the window draw what changed, so that the cost of showing the
 * result is part of the measurement. */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Per keystroke: how long the window is blocked (the call that sets the
 * search), and how long until the rows are in place (long lists run
 * the query in a worker). */
static void
bench_filter (KzListPage *page)
{
  KzListFilter *filter = kz_list_filter_bar_get_filter (kz_list_page_get_filter_bar (page));
  static const char * const words[] = { "digitale", "beratung", "hannover" };
  g_autoptr(GArray) blocked = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) complete = g_array_new (FALSE, FALSE, sizeof (double));

  /* A first search warms the full-text index's pages. */
  kz_list_filter_set_search (filter, "x");
  ITERATE_UNTIL (!kz_list_page_is_busy (page));
  kz_list_filter_set_search (filter, "");
  ITERATE_UNTIL (!kz_list_page_is_busy (page));

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      gsize len = strlen (words[w]);

      /* Typing the word, then deleting it again. */
      for (gsize i = 1; i <= 2 * len; i++)
        {
          g_autofree char *text = g_strndup (words[w], i <= len ? i : 2 * len - i);
          gint64 start = g_get_monotonic_time ();
          double ms;

          kz_list_filter_set_search (filter, text);
          ms = bench_ms_since (start);
          g_array_append_val (blocked, ms);
          ITERATE_UNTIL (!kz_list_page_is_busy (page));
          ms = bench_ms_since (start);
          g_array_append_val (complete, ms);
          drain ();
        }
    }

  g_print ("filter-keystroke-median-ms: %.1f\n", bench_median (blocked));
  g_print ("filter-keystroke-max-ms: %.1f\n", bench_maximum (blocked));
  g_print ("filter-complete-median-ms: %.1f\n", bench_median (complete));
  g_print ("filter-complete-max-ms: %.1f\n", bench_maximum (complete));
}

static void
bench_sort (KzListPage *page)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < g_list_model_get_n_items (columns) && i < 4; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      for (int order = GTK_SORT_ASCENDING; order <= GTK_SORT_DESCENDING; order++)
        {
          gint64 start = g_get_monotonic_time ();
          double ms;

          gtk_column_view_sort_by_column (view, column, order);
          ITERATE_UNTIL (!kz_list_page_is_busy (page));
          drain ();
          ms = bench_ms_since (start);
          g_array_append_val (times, ms);
          g_print ("sort-%s-%s-ms: %.1f\n", gtk_column_view_column_get_title (column),
                   order == GTK_SORT_ASCENDING ? "up" : "down", ms);
        }
    }

  g_print ("sort-median-ms: %.1f\n", bench_median (times));
  g_print ("sort-max-ms: %.1f\n", bench_maximum (times));
}

typedef struct
{
  GtkAdjustment *adjustment;
  gint64         last_frame;
  gint64         frame_interval;
  guint          frames;
  guint          dropped;
  guint          steps;
  gboolean       done;
} Scroll;

/* Moves the list by a fixed distance per expected frame, as a fast
 * flick would, and counts the frames the clock skipped meanwhile. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Scroll *scroll = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double value;

  if (scroll->last_frame != 0)
    {
      gint64 elapsed = now - scroll->last_frame;
      guint missed = (guint)((elapsed + scroll->frame_interval / 2) / scroll->frame_interval);

      scroll->dropped += missed > 1 ? missed - 1 : 0;
      scroll->frames++;
    }
  scroll->last_frame = now;

  value = gtk_adjustment_get_value (scroll->adjustment) + 3 * gtk_adjustment_get_page_size (scroll->adjustment);
  gtk_adjustment_set_value (scroll->adjustment, value);
  if (++scroll->steps >= 300 ||
      value >= gtk_adjustment_get_upper (scroll->adjustment) - gtk_adjustment_get_page_size (scroll->adjustment))
    {
      scroll->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
bench_scroll (KzListPage *page)
{
  GtkWidget *view = find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW));
  Scroll scroll = { 0 };
  GdkMonitor *monitor;
  int refresh;

  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (page)),
                                                gtk_native_get_surface (gtk_widget_get_native (GTK_WIDGET (page))));
  refresh = monitor ? gdk_monitor_get_refresh_rate (monitor) : 0;
  scroll.frame_interval = refresh > 0 ? (gint64)(1000000000.0 / refresh) : 16667;
  scroll.adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  gtk_adjustment_set_value (scroll.adjustment, 0);
  drain ();

  gtk_widget_add_tick_callback (GTK_WIDGET (scrolled), scroll_tick_cb, &scroll, NULL);
  ITERATE_UNTIL (scroll.done);

  g_print ("scroll-frames: %u\n", scroll.frames);
  g_print ("scroll-frames-dropped: %u\n", scroll.dropped);
  g_print ("scroll-dropped-percent: %.1f\n",
           scroll.frames ? 100.0 * scroll.dropped / (scroll.frames + scroll.dropped) : 0.0);
}

static void
bench_search (KzStore *store)
{
  static const char * const queries[] = {
    "digital", "beratung hannover", "pflege", "diakonie", "caritas lüneburg",
    "schuldner", "tablet", "awo", "kita", "software",
  };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GListModel) hits = NULL;
        gint64 start = g_get_monotonic_time ();
        double ms;

        /* The global search shows the best 50 hits. */
        hits = kz_store_search (store, queries[i], 50, &error);
        ms = bench_ms_since (start);
        g_assert_no_error (error);
        g_array_append_val (times, ms);
      }

  g_print ("search-median-ms: %.1f\n", bench_median (times));
  g_print ("search-max-ms: %.1f\n", bench_maximum (times));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(KzContext) context = NULL;
  g_autoptr(KzStore) store = NULL;
  g_autoptr(GError) error = NULL;
  KzWindow *window;
  KzListPage *page;
  gint64 start;
  double cpu_start;

  if (argc != 2)
    {
      g_printerr ("Usage: %s PORTFOLIO\n", argv[0]);
      return 2;
    }

  /* The renderer the app would draw with. */
  kz_renderer_prepare ();
  gtk_init ();
  kz_renderer_restore_environment ();
  adw_init ();
  app = adw_application_new ("com.example.Kompetenz.BenchList", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  if (!(store = kz_store_open (argv[1], &error)))
    g_error ("%s", error->message);

  settings = g_settings_new ("com.example.Kompetenz");
  g_settings_reset (settings, "list-state");
  g_settings_reset (settings, "saved-views");
  g_settings_set_string (settings, "last-page", "overview");
  context = kz_context_new (store, settings);
  window = kz_window_new (app, context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  /* The overview computes its figures after the first frame. */
  ITERATE_UNTIL (find_widget (GTK_WIDGET (window), KZ_TYPE_OVERVIEW_PAGE, is_loaded_overview) != NULL);
  drain ();
  g_print ("rss-window-kib: %ld\n", bench_rss_kib ());

  start = g_get_monotonic_time ();
  cpu_start = bench_cpu_ms ();
  g_assert_true (kz_window_show_page (window, "projects"));
  page = KZ_LIST_PAGE (find_widget (GTK_WIDGET (window), KZ_TYPE_LIST_PAGE, is_project_page));
  ITERATE_UNTIL (kz_list_page_get_subtitle (page) != NULL && !kz_list_page_is_busy (page));
  drain ();
  g_print ("list-rows: %u\n", g_list_model_get_n_items (kz_list_page_get_model (page)));
  g_print ("list-load-ms: %.1f\n", bench_ms_since (start));
  g_print ("list-load-cpu-ms: %.1f\n", bench_cpu_ms () - cpu_start);
  g_print ("rss-loaded-kib: %ld\n", bench_rss_kib ());
  g_print ("rss-peak-kib: %ld\n", bench_status_kib ("VmHWM:"));

  bench_filter (page);
  bench_sort (page);
  bench_scroll (page);
  bench_search (store);
  g_print ("rss-end-kib: %ld\n", bench_rss_kib ());

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
