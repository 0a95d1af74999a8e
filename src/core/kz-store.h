/* kz-store.h
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

#include "kz-record.h"
#include "kz-schema.h"

G_BEGIN_DECLS

#define KZ_STORE_ERROR (kz_store_error_quark ())

typedef enum
{
  KZ_STORE_ERROR_OPEN,           /* the file cannot be opened or is no portfolio */
  KZ_STORE_ERROR_NEWER_SCHEMA,   /* written by a newer Kompetenz; left untouched */
  KZ_STORE_ERROR_MIGRATION,      /* an upgrade failed; the old file is unchanged */
  KZ_STORE_ERROR_BACKUP,         /* the copy before an upgrade could not be made */
  KZ_STORE_ERROR_NOT_FOUND,
  KZ_STORE_ERROR_INVALID,        /* a record or link breaks a rule */
  KZ_STORE_ERROR_FAILED,         /* SQLite reported an error */
  KZ_STORE_ERROR_IN_USE,         /* another application instance has it open */
} KzStoreError;

/* The newest schema this build reads and writes. */
#define KZ_STORE_SCHEMA_VERSION 8

#define KZ_TYPE_STORE (kz_store_get_type ())

G_DECLARE_FINAL_TYPE (KzStore, kz_store, KZ, STORE, GObject)

/* Signal "changed" (KzStore *store, guint kind, const char *uuid):
 * emitted after a write has committed, on the thread that wrote it.
 * @uuid is NULL when many records changed at once (a batch commit);
 * @kind is KZ_N_KINDS when several kinds changed. */

GQuark       kz_store_error_quark       (void);

/* The default location, $XDG_DATA_HOME/kompetenz/portfolio.db. */
char        *kz_store_default_path      (void);

/* Opens or creates the portfolio at @path, upgrading older files after
 * copying them to a backup.  Safe to call from any thread; the returned
 * store serialises all access to its connection. */
KzStore     *kz_store_open              (const char   *path,
                                         GError      **error);
/* As kz_store_open(), but first takes the portfolio's instance lock
 * (see kz-store-lock.h) and holds it as long as the store lives: a
 * second application on the same file fails with KZ_STORE_ERROR_IN_USE
 * before anything is read or written.  Plain kz_store_open() ignores
 * the lock, so kompetenz-cli still works next to the application. */
KzStore     *kz_store_open_exclusive    (const char   *path,
                                         GError      **error);
void         kz_store_open_async        (const char   *path,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer      user_data);
KzStore     *kz_store_open_finish       (GAsyncResult *result,
                                         GError      **error);

const char  *kz_store_get_path          (KzStore      *self);
/* The path of the copy made before the last upgrade, or NULL. */
const char  *kz_store_get_backup_path   (KzStore      *self);
int          kz_store_get_schema_version (KzStore     *self);

/* Records.  Lists hold KzRecord objects ordered by title and never
 * include deleted records. */
GListModel  *kz_store_list              (KzStore      *self,
                                         KzKind        kind,
                                         GError      **error);
void         kz_store_list_async        (KzStore      *self,
                                         KzKind        kind,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer      user_data);
GListModel  *kz_store_list_finish       (KzStore      *self,
                                         GAsyncResult *result,
                                         GError      **error);
/* Records of @kind whose REF @field points at @uuid, such as the
 * milestones of a project. */
GListModel  *kz_store_list_by_ref       (KzStore      *self,
                                         KzKind        kind,
                                         const char   *field,
                                         const char   *uuid,
                                         GError      **error);
guint        kz_store_count             (KzStore      *self,
                                         KzKind        kind);
/* Counts live records of @kind grouped by the value of @field (CHOICE
 * or REF); values are GUINT_TO_POINTER counts. */
GHashTable  *kz_store_count_by          (KzStore      *self,
                                         KzKind        kind,
                                         const char   *field,
                                         GError      **error);
/* Sums INT @sum_field of live records of @kind grouped by @group_field
 * (a REF or CHOICE).  Values are gint64 pointers. */
GHashTable  *kz_store_sum_by            (KzStore      *self,
                                         KzKind        kind,
                                         const char   *group_field,
                                         const char   *sum_field,
                                         GError      **error);
/* One combination of values and how many live records have it; see
 * kz_store_count_groups(). */
typedef struct
{
  guint  count;
  guint  n_values;
  char  *values[];  /* n_values, NULL where unset */
} KzStoreGroup;

void         kz_store_group_free        (KzStoreGroup *group);
GPtrArray   *kz_store_count_groups      (KzStore             *self,
                                         KzKind               kind,
                                         const char * const  *fields,
                                         GError             **error);
/* UUID -> value (interned) of the live records of @kind whose CHOICE
 * @field is set. */
GHashTable  *kz_store_get_choices       (KzStore      *self,
                                         KzKind        kind,
                                         const char   *field,
                                         GError      **error);
/* UUID -> title (char *) of every record of @kind, deleted ones included,
 * so that lists can show the names behind REF fields without a query
 * per row. */
GHashTable  *kz_store_get_titles        (KzStore      *self,
                                         KzKind        kind,
                                         GError      **error);
gboolean     kz_store_is_empty          (KzStore      *self);

/* Live records of @kind whose DATE @date_field is before @today and
 * whose BOOL @done_field is not set: overdue milestones or tasks. */
guint        kz_store_count_overdue     (KzStore      *self,
                                         KzKind        kind,
                                         const char   *date_field,
                                         const char   *done_field,
                                         const char   *today);
/* Up to @limit live records of @kind with DATE @date_field on or after
 * @from (YYYY-MM-DD), earliest first: the next sessions, deadlines … */
GListModel  *kz_store_list_upcoming     (KzStore      *self,
                                         KzKind        kind,
                                         const char   *date_field,
                                         const char   *from,
                                         guint         limit,
                                         GError      **error);

/* Returns the record, deleted or not; NOT_FOUND if there is none. */
/* The rowids (gint64) of the live records of @kind, ordered by
 * @sort_field (the title when NULL; REF fields by the title of the
 * record they name), empty values last, and when @search holds words
 * only those whose indexed text has every word as a word start.
 * With @uuids, also the records' uuids, in the same order. */
GArray      *kz_store_list_rowids       (KzStore      *self,
                                         KzKind        kind,
                                         const char   *search,
                                         const char   *sort_field,
                                         gboolean      descending,
                                         GPtrArray   **uuids,
                                         GError      **error);
/* The set of uuids of records of @kind that hold every word of
 * @search as a word start in their indexed text (deleted ones are not
 * indexed); empty when @search holds no word. */
GHashTable  *kz_store_search_uuids      (KzStore      *self,
                                         KzKind        kind,
                                         const char   *search,
                                         GError      **error);
/* The distinct non-empty values of a text @field among the live
 * records of @kind, in the user's collation. */
GStrv        kz_store_dup_values        (KzStore      *self,
                                         KzKind        kind,
                                         const char   *field,
                                         GError      **error);
/* The record of @kind stored in row @rowid, deleted or not. */
KzRecord    *kz_store_get_by_rowid      (KzStore      *self,
                                         KzKind        kind,
                                         gint64        rowid,
                                         GError      **error);
KzRecord    *kz_store_get               (KzStore      *self,
                                         KzKind        kind,
                                         const char   *uuid,
                                         GError      **error);
/* Validates and writes @record (insert or update) in one transaction,
 * stamping created and modified.  Invalid records are never written. */
gboolean     kz_store_save              (KzStore      *self,
                                         KzRecord     *record,
                                         GError      **error);
/* Marks a record deleted (a tombstone) / live again. */
gboolean     kz_store_delete            (KzStore      *self,
                                         KzKind        kind,
                                         const char   *uuid,
                                         GError      **error);
gboolean     kz_store_restore           (KzStore      *self,
                                         KzKind        kind,
                                         const char   *uuid,
                                         GError      **error);

/* The trash: deleted records of @kind whose parent (if any) is live,
 * most recently deleted first. */
GListModel  *kz_store_list_deleted      (KzStore      *self,
                                         KzKind        kind,
                                         GError      **error);
/* Removes a deleted record's content for good: its fields, its history
 * and its search entry, and likewise its deleted or live children
 * (milestones of a project …).  Only the tombstone stays, so that
 * other devices learn of the deletion. */
gboolean     kz_store_purge             (KzStore      *self,
                                         KzKind        kind,
                                         const char   *uuid,
                                         GError      **error);
/* Contacts whose deletion date is before @today (YYYY-MM-DD). */
GListModel  *kz_store_list_expired_contacts (KzStore  *self,
                                         const char   *today,
                                         GError      **error);

/* Links.  @a is the record of the link's a_kind, @b of its b_kind. */
gboolean     kz_store_link              (KzStore      *self,
                                         KzLink        link,
                                         const char   *a,
                                         const char   *b,
                                         GError      **error);
gboolean     kz_store_unlink            (KzStore      *self,
                                         KzLink        link,
                                         const char   *a,
                                         const char   *b,
                                         GError      **error);
/* The live records linked to @uuid; @from_a says whether @uuid is the
 * a side (then b records are returned) or the b side. */
GListModel  *kz_store_list_linked       (KzStore      *self,
                                         KzLink        link,
                                         const char   *uuid,
                                         gboolean      from_a,
                                         GError      **error);

/* The name recorded as the author of local changes in the history. */
void         kz_store_set_author        (KzStore      *self,
                                         const char   *author);
const char  *kz_store_get_author        (KzStore      *self);

typedef struct
{
  char   *field;       /* a field name, "deleted", "*" for creation, or "link:NAME" */
  char   *old_value;   /* canonical text, NULL when empty */
  char   *new_value;
  char   *author;      /* NULL when unknown */
  gint64  time;        /* microseconds since the epoch */
} KzHistoryEntry;

void         kz_history_entry_free      (KzHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzHistoryEntry, kz_history_entry_free)

/* Every recorded change of the record @uuid, newest first. */
GPtrArray   *kz_store_get_history       (KzStore      *self,
                                         const char   *uuid,
                                         GError      **error);

/* Full-text search over every kind's searchable fields.  Words match
 * as prefixes, case and accents are ignored, and "ue" finds "ü".
 * Returns live KzRecords of mixed kinds, best matches first. */
GListModel  *kz_store_search            (KzStore      *self,
                                         const char   *text,
                                         guint         limit,
                                         GError      **error);

/* While sync is enabled every local change is also noted for upload in
 * the same transaction.  Enabling it notes everything there is. */
gboolean     kz_store_get_sync_enabled  (KzStore      *self);
gboolean     kz_store_set_sync_enabled  (KzStore      *self,
                                         gboolean      enabled,
                                         GError      **error);
/* Local changes (fields and links) not yet accepted by the server. */
guint        kz_store_count_pending     (KzStore      *self);

/* Groups many writes in one transaction (demo data, imports).  Calls
 * nest; only the outermost commit writes. */
gboolean     kz_store_begin             (KzStore      *self,
                                         GError      **error);
gboolean     kz_store_begin_bulk        (KzStore      *self,
                                         GError      **error);
gboolean     kz_store_commit            (KzStore      *self,
                                         GError      **error);
void         kz_store_rollback          (KzStore      *self);
void         kz_store_hold_large_cache  (KzStore      *self);
void         kz_store_release_large_cache (KzStore    *self);

G_END_DECLS
