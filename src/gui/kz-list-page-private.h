/* kz-list-page-private.h
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

#include "kz-list-page.h"
#include "kz-record-list.h"

G_BEGIN_DECLS

/* One column of a list page. */
typedef struct
{
  KzListPage     *page;
  const KzColumn *column;
  const KzField  *field;   /* NULL for computed columns */
  int             width;   /* when shown; follows the user's resizing */
} KzColumnData;

/* Shared by kz-list-page.c and its parts: kz-list-columns.c (columns
 * and cells), kz-list-query.c (the rows' query and sort) and
 * kz-list-load.c (the names behind references and computed columns). */
struct _KzListPage
{
  AdwBin            parent_instance;

  KzContext        *context;
  KzKind            kind;
  const KzListSpec *spec;
  KzColumnData       *columns;
  KzLookups        *lookups;
  GCancellable     *cancellable;
  char             *subtitle;
  gboolean          loaded;
  gboolean          dirty;
  guint             fit_source;
  gint64            load_started;

  /* template */
  GtkStack         *stack;
  GtkSpinner       *spinner;
  AdwStatusPage    *empty_page;
  GtkButton        *new_button;
  AdwStatusPage    *error_page;
  GtkScrolledWindow *scrolled_window;
  GtkColumnView    *column_view;
  GtkSingleSelection *selection;
  KzRecordList     *records;        /* the rows: one SQL query, read lazily */
  GCancellable     *refresh_cancellable;
  GStrv             search_refs;    /* REF columns a search looks into */
  KzColumnData     *probed;         /* the first column sorter asked */
  guint             n_running;      /* queries and loads under way */
  gboolean          other_rows;     /* the latest query changed search, filter or sort */
  gint64            selected_rowid; /* kept across queries, or 0 */
  GtkBox           *page_box;
  KzListFilterBar  *filter_bar;
  GPtrArray        *detail_labels;  /* second lines of compact rows, weak */
  gboolean          compact;
};

/* The names behind REF columns of the page's current load. */
const KzLookups *_kz_list_page_get_lookups     (KzListPage         *self);
/* "1,234 projects", or "12 of 1,234 projects" while filtered. */
void             _kz_list_page_update_subtitle (KzListPage         *self);

G_END_DECLS
