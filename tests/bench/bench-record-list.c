/* bench-record-list.c
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

/* Measures KzRecordList, the project list as rowids from one SQL query
 * with records read on demand, on an existing portfolio: the first
 * query, the first screenful of rows, sorting by a column, searching
 * per keystroke, reading a screenful at a random place, and the
 * resident memory.  Prints "name: value" lines that run-bench.py
 * collects.  Needs no display. */

#include "config.h"

#include <string.h>

#include "bench-util.h"
#include "kz-record-list.h"

/* Rows a tall window shows at once. */
#define SCREENFUL 50

static double
timed_refresh (KzRecordList *list)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!kz_record_list_refresh (list, &error))
    g_error ("%s", error->message);

  return bench_ms_since (start);
}

/* Reads @n rows from @first on, as the list view does when it shows them. */
static double
read_rows (KzRecordList *list,
           guint         first,
           guint         n)
{
  gint64 start = g_get_monotonic_time ();
  guint end = MIN (first + n, g_list_model_get_n_items (G_LIST_MODEL (list)));

  for (guint i = first; i < end; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));

  return bench_ms_since (start);
}

static void
bench_sort (KzRecordList *list)
{
  static const char * const fields[] = { "title", "status", "lead_organisation_id",
                                         "end_date", "budget_planned" };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    for (guint down = 0; down < 2; down++)
      {
        double ms;

        kz_record_list_set_sort (list, fields[i], down);
        ms = timed_refresh (list) + read_rows (list, 0, SCREENFUL);
        g_array_append_val (times, ms);
        g_print ("rowlist-sort-%s-%s-ms: %.1f\n", fields[i], down ? "down" : "up", ms);
      }

  g_print ("rowlist-sort-median-ms: %.1f\n", bench_median (times));
  g_print ("rowlist-sort-max-ms: %.1f\n", bench_maximum (times));
  kz_record_list_set_sort (list, NULL, FALSE);
}

/* Typing and deleting the words of bench-list letter by letter. */
static void
bench_search (KzRecordList *list)
{
  static const char * const words[] = { "digitale", "beratung", "hannover" };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      gsize len = strlen (words[w]);

      for (guint i = 1; i < 2 * len; i++)
        {
          g_autofree char *text = g_strndup (words[w], i <= len ? i : 2 * len - i);
          double ms;

          kz_record_list_set_search (list, text);
          ms = timed_refresh (list) + read_rows (list, 0, SCREENFUL);
          g_array_append_val (times, ms);
        }
    }

  g_print ("rowlist-search-median-ms: %.1f\n", bench_median (times));
  g_print ("rowlist-search-max-ms: %.1f\n", bench_maximum (times));
  kz_record_list_set_search (list, NULL);
}

static void
bench_jump (KzRecordList *list)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < 30 && n > 0; i++)
    {
      double ms = read_rows (list, g_rand_int_range (rand, 0, n), SCREENFUL);

      g_array_append_val (times, ms);
    }

  g_print ("rowlist-jump-median-ms: %.1f\n", bench_median (times));
  g_print ("rowlist-jump-max-ms: %.1f\n", bench_maximum (times));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KzRecordList) list = NULL;
  g_autoptr(KzStore) store = NULL;
  g_autoptr(GError) error = NULL;
  double ms;

  if (argc != 2)
    {
      g_printerr ("Usage: %s PORTFOLIO\n", argv[0]);
      return 2;
    }

  if (!(store = kz_store_open (argv[1], &error)))
    g_error ("%s", error->message);
  g_print ("rowlist-rss-open-kib: %ld\n", bench_rss_kib ());

  list = kz_record_list_new (store, KZ_KIND_PROJECT);
  ms = timed_refresh (list);
  ms += read_rows (list, 0, SCREENFUL);
  g_print ("rowlist-rows: %u\n", g_list_model_get_n_items (G_LIST_MODEL (list)));
  g_print ("rowlist-load-ms: %.1f\n", ms);
  g_print ("rowlist-rss-loaded-kib: %ld\n", bench_rss_kib ());

  bench_sort (list);
  timed_refresh (list);
  bench_jump (list);
  bench_search (list);
  g_print ("rowlist-rss-end-kib: %ld\n", bench_rss_kib ());

  return 0;
}
