/* kz-overview-stats.c
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

#define G_LOG_DOMAIN "kz-overview-stats"

#include "config.h"

#include <string.h>

#include "kz-overview-stats.h"

static void
event_free (gpointer data)
{
  KzOverviewEvent *event = data;

  g_free (event->date);
  g_free (event->time);
  g_free (event->title);
  g_free (event->detail);
  g_free (event);
}

static int
event_compare (gconstpointer a,
               gconstpointer b)
{
  const KzOverviewEvent *ea = *(const KzOverviewEvent * const *)a;
  const KzOverviewEvent *eb = *(const KzOverviewEvent * const *)b;
  int cmp = g_strcmp0 (ea->date, eb->date);

  if (cmp == 0)
    cmp = g_strcmp0 (ea->time, eb->time);
  if (cmp == 0)
    cmp = g_strcmp0 (ea->title, eb->title);

  return cmp;
}

/* Keeps the first KZ_OVERVIEW_N_EVENTS events by date. */
static void
events_trim (GPtrArray *events)
{
  g_ptr_array_sort (events, event_compare);
  if (events->len > KZ_OVERVIEW_N_EVENTS)
    g_ptr_array_set_size (events, KZ_OVERVIEW_N_EVENTS);
}

/* Records of @kind dated today or later, named by the record their
 * @ref_field points at. */
static GPtrArray *
load_events (KzStore     *store,
             KzKind       kind,
             const char  *ref_field,
             KzKind       ref_kind,
             const char  *detail_field,
             const char  *today,
             GError     **error)
{
  g_autoptr(GHashTable) titles = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (event_free);
  guint n;

  /* A few more than shown: entries on one day are ordered by time below. */
  if (!(titles = kz_store_get_titles (store, ref_kind, error)) ||
      !(records = kz_store_list_upcoming (store, kind, "date", today, 4 * KZ_OVERVIEW_N_EVENTS, error)))
    return NULL;

  n = g_list_model_get_n_items (records);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (records, i);
      const char *date = kz_record_get_string (record, "date");
      KzOverviewEvent *event;

      if (date == NULL || strcmp (date, today) < 0)
        continue;

      event = g_new0 (KzOverviewEvent, 1);
      event->date = g_strdup (date);
      if (kz_kind_get_field (kind, "start_time") != NULL)
        event->time = g_strdup (kz_record_get_string (record, "start_time"));
      event->title = g_strdup (g_hash_table_lookup (titles, kz_record_get_string (record, ref_field)));
      event->detail = g_strdup (kz_record_get_string (record, detail_field));
      g_ptr_array_add (events, event);

    }

  events_trim (events);
  return g_steal_pointer (&events);
}

static void
funding_free (gpointer data)
{
  KzOverviewFunding *funding = data;

  g_free (funding->programme_id);
  g_free (funding->programme);
  g_free (funding);
}

static int
funding_compare (gconstpointer a,
                 gconstpointer b)
{
  const KzOverviewFunding *fa = *(const KzOverviewFunding * const *)a;
  const KzOverviewFunding *fb = *(const KzOverviewFunding * const *)b;

  if (fa->applied != fb->applied)
    return fa->applied > fb->applied ? -1 : 1;

  return g_strcmp0 (fa->programme, fb->programme);
}

static gint64
sum_lookup (GHashTable *sums,
            const char *key)
{
  gint64 *value = g_hash_table_lookup (sums, key);

  return value ? *value : 0;
}

/* Applied for and granted per programme: two grouped sums, the
 * programmes with the most applied for first. */
static GPtrArray *
load_funding (KzStore  *store,
              GError  **error)
{
  g_autoptr(GHashTable) applied = NULL;
  g_autoptr(GHashTable) granted = NULL;
  g_autoptr(GHashTable) titles = NULL;
  g_autoptr(GPtrArray) funding = g_ptr_array_new_with_free_func (funding_free);
  GHashTableIter iter;
  gpointer key;

  if (!(applied = kz_store_sum_by (store, KZ_KIND_APPLICATION, "programme_id", "amount_applied", error)) ||
      !(granted = kz_store_sum_by (store, KZ_KIND_APPLICATION, "programme_id", "amount_granted", error)) ||
      !(titles = kz_store_get_titles (store, KZ_KIND_PROGRAMME, error)))
    return NULL;

  g_hash_table_iter_init (&iter, applied);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      KzOverviewFunding *entry;
      const char *title = g_hash_table_lookup (titles, key);

      if (title == NULL)
        continue;

      entry = g_new0 (KzOverviewFunding, 1);
      entry->programme_id = g_strdup (key);
      entry->programme = g_strdup (title);
      entry->applied = sum_lookup (applied, key);
      entry->granted = sum_lookup (granted, key);
      g_ptr_array_add (funding, entry);
    }

  g_ptr_array_sort (funding, funding_compare);
  if (funding->len > KZ_OVERVIEW_N_PROGRAMMES)
    g_ptr_array_set_size (funding, KZ_OVERVIEW_N_PROGRAMMES);

  return g_steal_pointer (&funding);
}

/* The heat maps: one query counts the projects by focus area and the
 * column term of every dimension; nothing is kept per project. */
static gboolean
load_heatmaps (KzOverviewStats  *stats,
               KzStore          *store,
               GError          **error)
{
  g_autoptr(GPtrArray) groups = kz_store_count_groups (store, KZ_KIND_PROJECT,
                                                       kz_heatmap_group_fields (), error);

  if (groups == NULL)
    return FALSE;

  for (guint dim = 0; dim < KZ_HEATMAP_N_DIMENSIONS; dim++)
    stats->heatmaps[dim] = kz_heatmap_group_counts (groups, dim);

  return TRUE;
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

KzOverviewStats *
kz_overview_stats_load (KzStore       *store,
                        const char    *today,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(KzOverviewStats) stats = g_new0 (KzOverviewStats, 1);

  g_return_val_if_fail (KZ_IS_STORE (store), NULL);

  stats->today = today ? g_strdup (today) : today_iso ();
  for (guint kind = 0; kind < KZ_N_KINDS; kind++)
    stats->counts[kind] = kz_store_count (store, kind);
  stats->empty = kz_store_is_empty (store);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !(stats->projects_by_status = kz_store_count_by (store, KZ_KIND_PROJECT, "status", error)) ||
      !(stats->projects_by_health = kz_store_count_by (store, KZ_KIND_PROJECT, "health", error)) ||
      !(stats->sessions = load_events (store, KZ_KIND_SESSION, "training_id", KZ_KIND_TRAINING,
                                       "place", stats->today, error)) ||
      !(stats->deadlines = load_events (store, KZ_KIND_DEADLINE, "programme_id", KZ_KIND_PROGRAMME,
                                        "title", stats->today, error)) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !(stats->funding = load_funding (store, error)) ||
      !load_heatmaps (stats, store, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  stats->overdue_milestones = kz_store_count_overdue (store, KZ_KIND_MILESTONE, "due_date", "done",
                                                      stats->today);
  stats->overdue_tasks = kz_store_count_overdue (store, KZ_KIND_TASK, "due_date", "done",
                                                 stats->today);

  return g_steal_pointer (&stats);
}

void
kz_overview_stats_free (KzOverviewStats *stats)
{
  if (stats == NULL)
    return;

  g_free (stats->today);
  g_clear_pointer (&stats->projects_by_status, g_hash_table_unref);
  g_clear_pointer (&stats->projects_by_health, g_hash_table_unref);
  g_clear_pointer (&stats->sessions, g_ptr_array_unref);
  g_clear_pointer (&stats->deadlines, g_ptr_array_unref);
  g_clear_pointer (&stats->funding, g_ptr_array_unref);
  for (guint dim = 0; dim < KZ_HEATMAP_N_DIMENSIONS; dim++)
    g_clear_pointer (&stats->heatmaps[dim], kz_heatmap_grid_unref);
  g_free (stats);
}

guint
kz_overview_stats_count (GHashTable *by_term,
                         const char *term)
{
  if (by_term == NULL)
    return 0;

  return GPOINTER_TO_UINT (g_hash_table_lookup (by_term, term));
}
