/* kz-record-list.h
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

#include "kz-store.h"

G_BEGIN_DECLS

/* A GListModel of the live records of one kind that holds only their
 * rowids, in the order of one SQL query (a search and a sort column),
 * and reads a record from the store when it is asked for; the last
 * records read stay in a small cache.  Changing the query takes effect
 * on the next refresh, which changes the rows between those it keeps at
 * both ends in one items-changed, then each kept row read before in one
 * of its own (its data may have changed). */

#define KZ_TYPE_RECORD_LIST (kz_record_list_get_type ())

/* A sort key computed from a whole record, in a worker thread. */
typedef gint64 (*KzRecordKeyFunc) (KzRecord *record,
                                   gpointer  user_data);

G_DECLARE_FINAL_TYPE (KzRecordList, kz_record_list, KZ, RECORD_LIST, GObject)

/* Records kept in the cache unless kz_record_list_set_cache_size(). */
#define KZ_RECORD_LIST_CACHE_SIZE 256

KzRecordList *kz_record_list_new            (KzStore             *store,
                                             KzKind               kind);
KzKind        kz_record_list_get_kind       (KzRecordList        *self);
KzStore      *kz_record_list_get_store      (KzRecordList        *self);

/* Words every record must hold as word starts in its searchable
 * fields (the full-text index); NULL or blank for all records. */
void          kz_record_list_set_search     (KzRecordList        *self,
                                             const char          *search);
const char   *kz_record_list_get_search     (KzRecordList        *self);
/* REF fields whose records' titles a search also looks at: a project
 * is found by the name of its lead organisation. */
void          kz_record_list_set_search_refs (KzRecordList       *self,
                                             const char * const *fields);
/* An SQL condition on the kind's table as "r" (the filters), or NULL. */
void          kz_record_list_set_condition  (KzRecordList        *self,
                                             const char          *condition);
const char   *kz_record_list_get_condition  (KzRecordList        *self);
/* A field of the kind, or NULL for its title. */
void          kz_record_list_set_sort       (KzRecordList        *self,
                                             const char          *field,
                                             gboolean             descending);
/* Sorts by a number computed from each record (computed columns);
 * @func runs in worker threads and @data must stay valid until
 * @destroy, which runs when the sort changes or the list is gone. */
void          kz_record_list_set_sort_func  (KzRecordList        *self,
                                             KzRecordKeyFunc      func,
                                             gpointer             data,
                                             GDestroyNotify       destroy,
                                             gboolean             descending);
const char   *kz_record_list_get_sort_field (KzRecordList        *self);
gboolean      kz_record_list_get_descending (KzRecordList        *self);

void          kz_record_list_set_cache_size (KzRecordList        *self,
                                             guint                size);
/* The rowid of the row at @position, or 0; the position of @rowid
 * among the rows, or G_MAXUINT (GTK_INVALID_LIST_POSITION). */
gint64        kz_record_list_get_rowid      (KzRecordList        *self,
                                             guint                position);
guint         kz_record_list_find_rowid     (KzRecordList        *self,
                                             gint64               rowid);
/* The live records of the kind, filtered or not, as of the last
 * refresh. */
guint         kz_record_list_get_total      (KzRecordList        *self);
/* How many records are read and kept right now. */
guint         kz_record_list_get_n_cached   (KzRecordList        *self);

/* Forgets what was read, after the records of the kind changed: the
 * next refresh sorts anew.  A refresh after only a new search reuses
 * the sorted rows and only picks the matching ones. */
void          kz_record_list_invalidate     (KzRecordList        *self);

/* Runs the query on this thread. */
gboolean      kz_record_list_refresh        (KzRecordList        *self,
                                             GError             **error);
/* Runs the query in a worker thread; the rows change when it is done.
 * A refresh started later wins over one still running. */
void          kz_record_list_refresh_async  (KzRecordList        *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      kz_record_list_refresh_finish (KzRecordList        *self,
                                             GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
