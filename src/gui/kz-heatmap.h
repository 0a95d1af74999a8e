/* kz-heatmap.h
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

#include <gtk/gtk.h>

#include "kz-store.h"

G_BEGIN_DECLS

/* What the columns of the heat map group projects by; the rows are
 * always the focus area. */
typedef enum
{
  KZ_HEATMAP_DISTRICT,       /* district of the lead organisation */
  KZ_HEATMAP_UMBRELLA,       /* umbrella association of the lead organisation */
  KZ_HEATMAP_FIELD_OF_WORK,  /* the project's own field of work */
  KZ_HEATMAP_N_DIMENSIONS
} KzHeatmapDimension;

/* Project counts by focus area (rows) and a second vocabulary
 * (columns); projects with either value unset are not counted. */
typedef struct
{
  gatomicrefcount     ref_count;
  KzHeatmapDimension  dimension;
  const KzVocabulary *rows;
  const KzVocabulary *columns;
  guint              *cells;  /* rows->n_terms × columns->n_terms */
  guint               max;
  guint               total;
} KzHeatmapGrid;

#define KZ_TYPE_HEATMAP_GRID (kz_heatmap_grid_get_type ())

GType               kz_heatmap_grid_get_type        (void) G_GNUC_CONST;
KzHeatmapGrid      *kz_heatmap_grid_new             (KzHeatmapDimension  dimension);
KzHeatmapGrid      *kz_heatmap_grid_ref             (KzHeatmapGrid      *grid);
void                kz_heatmap_grid_unref           (KzHeatmapGrid      *grid);
/* Counts one project; FALSE if a term is NULL or unknown. */
gboolean            kz_heatmap_grid_add             (KzHeatmapGrid      *grid,
                                                     const char         *row_term,
                                                     const char         *column_term);
guint               kz_heatmap_grid_get             (KzHeatmapGrid      *grid,
                                                     guint               row,
                                                     guint               column);
/* Counts @count projects at once; FALSE as kz_heatmap_grid_add(). */
gboolean            kz_heatmap_grid_add_count       (KzHeatmapGrid      *grid,
                                                     const char         *row_term,
                                                     const char         *column_term,
                                                     guint               count);
/* Groups @projects once; @organisations maps UUIDs to organisation
 * records for the dimensions through the lead organisation. */
KzHeatmapGrid      *kz_heatmap_group                (GListModel         *projects,
                                                     GHashTable         *organisations,
                                                     KzHeatmapDimension  dimension);
/* The projects' fields that kz_heatmap_group_counts() needs, for
 * kz_store_count_groups(): every dimension from one grouped query. */
const char * const *kz_heatmap_group_fields         (void);
/* The grid of @dimension from the #KzStoreGroup rows of a
 * kz_store_count_groups() of the projects by kz_heatmap_group_fields():
 * the same counts as kz_heatmap_group() without reading a record. */
KzHeatmapGrid      *kz_heatmap_group_counts         (GPtrArray          *groups,
                                                     KzHeatmapDimension  dimension);
/* The filter items ("focus_area=…", "lead_organisation_id.district=…")
 * of the projects list that shows the projects of a cell. */
GStrv               kz_heatmap_grid_dup_filter_items (KzHeatmapGrid     *grid,
                                                     guint               row,
                                                     guint               column);
const char         *kz_heatmap_dimension_get_label  (KzHeatmapDimension  dimension);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzHeatmapGrid, kz_heatmap_grid_unref)

#define KZ_TYPE_HEATMAP (kz_heatmap_get_type ())

G_DECLARE_FINAL_TYPE (KzHeatmap, kz_heatmap, KZ, HEATMAP, GtkWidget)

/* Signal "cell-activated" (guint row, guint column): a cell was clicked. */

GtkWidget          *kz_heatmap_new                  (void);
void                kz_heatmap_set_grid             (KzHeatmap          *self,
                                                     KzHeatmapGrid      *grid);
KzHeatmapGrid      *kz_heatmap_get_grid             (KzHeatmap          *self);

G_END_DECLS
