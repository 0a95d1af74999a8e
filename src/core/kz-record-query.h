/* kz-record-query.h
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

#include "kz-record-list.h"

G_BEGIN_DECLS

/* The queries behind KzRecordList; they touch only their arguments and
 * the store, so they run in worker threads. */

/* The rows of one query with their sort values, sorted up; immutable
 * once made, so shared between threads. */
typedef struct _KzSortKeys KzSortKeys;

KzSortKeys *_kz_sort_keys_ref   (KzSortKeys *keys);
void        _kz_sort_keys_unref (KzSortKeys *keys);

/* Rowids of the live records of @kind that meet @condition (SQL on the
 * table as "r", or NULL), sorted by @sort_field (NULL: the title) or
 * by @key_func, as the in-memory lists sorted them: numbers, dates and
 * choices (in the order of their vocabulary) by value, text by the
 * user's collation ignoring case, references by the title they name,
 * unset values first; ties in the order of the titles.
 *
 * Without @key_func, @keys may hold the sort values of an earlier query
 * with the same @condition and @sort_field on unchanged data: then the
 * table is not read again.  Otherwise the values read are left there
 * for the next query.  @title_order holds the rowids of the live
 * records in the order of their titles, read here when it is NULL and
 * left there for queries on the same data. */
GArray  *_kz_record_query_sorted (KzStore         *store,
                                  KzKind           kind,
                                  const char      *condition,
                                  const char      *sort_field,
                                  KzRecordKeyFunc  key_func,
                                  gpointer         key_data,
                                  gboolean         descending,
                                  KzSortKeys     **keys,
                                  GArray         **title_order,
                                  GError         **error);
/* Sorted rowids of the live records of @kind whose indexed text holds
 * every word of @search as a word start, or whose REF field in
 * @ref_fields names a record with the word at a word start of its
 * title; NULL with no error when @search holds no word.  Once
 * @cancellable is cancelled, the query stops with G_IO_ERROR_CANCELLED. */
GArray  *_kz_record_query_search (KzStore            *store,
                                  KzKind              kind,
                                  const char         *search,
                                  const char * const *ref_fields,
                                  GCancellable       *cancellable,
                                  GError            **error);
/* The number of live records of @kind, or -1 on error. */
gint64   _kz_record_query_count  (KzStore            *store,
                                  KzKind              kind,
                                  GError            **error);

G_END_DECLS
