/* kz-overview-stats.h
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

#pragma once

#include <gio/gio.h>

#include "kz-heatmap.h"
#include "kz-store.h"

G_BEGIN_DECLS

/* One dated entry of the overview: a training session or a call deadline. */
typedef struct
{
  char *date;     /* ISO date */
  char *time;     /* HH:MM, or NULL */
  char *title;    /* the training or programme */
  char *detail;   /* the place or call, or NULL */
} KzOverviewEvent;

/* Applied for and granted per funding programme, in cents. */
typedef struct
{
  char   *programme_id;
  char   *programme;
  gint64  applied;
  gint64  granted;
} KzOverviewFunding;

/* The figures of the overview page, computed on a worker thread. */
typedef struct
{
  char       *today;               /* ISO date the figures refer to */
  guint       counts[KZ_N_KINDS];
  GHashTable *projects_by_status;  /* term id -> GUINT_TO_POINTER (count) */
  GHashTable *projects_by_health;
  GPtrArray  *sessions;            /* KzOverviewEvent, the next ones first */
  GPtrArray  *deadlines;           /* KzOverviewEvent, the next ones first */
  guint       overdue_milestones;
  guint       overdue_tasks;
  GPtrArray  *funding;             /* KzOverviewFunding, most applied for first */
  KzHeatmapGrid *heatmaps[KZ_HEATMAP_N_DIMENSIONS];
  gboolean    empty;
} KzOverviewStats;

#define KZ_OVERVIEW_N_EVENTS 5
#define KZ_OVERVIEW_N_PROGRAMMES 6

/* @today: an ISO date, or NULL for the current day. */
KzOverviewStats *kz_overview_stats_load  (KzStore          *store,
                                          const char       *today,
                                          GCancellable     *cancellable,
                                          GError          **error);
void             kz_overview_stats_free  (KzOverviewStats  *stats);
guint            kz_overview_stats_count (GHashTable       *by_term,
                                          const char       *term);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzOverviewStats, kz_overview_stats_free)

G_END_DECLS
