/* kz-server-storage.h
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

#include <glib-object.h>

G_BEGIN_DECLS

/* What the sync server keeps, behind an interface so that a backend
 * other than SQLite (say PostgreSQL) can be added without touching the
 * protocol logic in kz-server-sync.c.
 *
 * Every call except begin/commit/rollback runs inside a transaction
 * opened with kz_server_storage_begin().  Times are seconds since the
 * epoch; versions are the protocol's increasing change numbers. */

#define KZ_SERVER_TOKEN_HASH_SIZE 32

typedef enum
{
  KZ_ROLE_ADMIN,
  KZ_ROLE_STAFF,
  KZ_ROLE_READER,
} KzRole;

const char *kz_role_to_string   (KzRole      role);
gboolean    kz_role_from_string (const char *text,
                                 KzRole     *role);

typedef struct
{
  gint64  id;
  char   *name;
  KzRole  role;
  char   *password_hash;   /* crypto_pwhash_str() text; NULL when not loaded */
  gint64  created;
} KzServerUser;

typedef enum
{
  KZ_SERVER_APPLIED,
  KZ_SERVER_CONFLICT,
  KZ_SERVER_DUPLICATE,     /* only in answers: stored results are never duplicates */
} KzServerStatus;

/* The outcome of one pushed change, kept under its change_id. */
typedef struct
{
  char           *change_id;
  KzServerStatus  status;
  gint64          version;       /* APPLIED: the version it got */
  char           *conflict_id;   /* CONFLICT: the conflict it opened */
} KzServerResult;

/* The state of a record, without its fields. */
typedef struct
{
  char     *kind;
  gboolean  deleted;
  gint64    deleted_version;   /* 0 if the flag was never set */
  gint64    version;           /* the highest version of the record */
} KzServerRecordState;

typedef struct
{
  char   *name;
  char   *value;     /* canonical text, NULL for an empty field */
  gint64  version;
  char   *author;
} KzServerField;

/* A record as pulled: its state and all its fields. */
typedef struct
{
  char      *kind;
  char      *uuid;
  gint64     version;
  gboolean   deleted;
  GPtrArray *fields;   /* of KzServerField */
} KzServerRecord;

typedef struct
{
  char     *link;
  char     *a;
  char     *b;
  gboolean  deleted;
  gint64    version;
} KzServerLink;

typedef struct
{
  char   *id;
  char   *kind;
  char   *uuid;
  char   *field;
  char   *base_value;
  char   *server_value;
  char   *client_value;
  char   *server_author;
  char   *client_author;
  gint64  created;
  gint64  resolved_version;   /* 0 while open */
} KzServerConflict;

void                 kz_server_user_free          (KzServerUser        *user);
void                 kz_server_result_free        (KzServerResult      *result);
void                 kz_server_record_state_free  (KzServerRecordState *state);
void                 kz_server_field_free         (KzServerField       *field);
void                 kz_server_record_free        (KzServerRecord      *record);
void                 kz_server_link_free          (KzServerLink        *link);
void                 kz_server_conflict_free      (KzServerConflict    *conflict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzServerUser, kz_server_user_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzServerResult, kz_server_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzServerRecordState, kz_server_record_state_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzServerField, kz_server_field_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzServerRecord, kz_server_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzServerLink, kz_server_link_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzServerConflict, kz_server_conflict_free)

#define KZ_TYPE_SERVER_STORAGE (kz_server_storage_get_type ())

G_DECLARE_INTERFACE (KzServerStorage, kz_server_storage, KZ, SERVER_STORAGE, GObject)

struct _KzServerStorageInterface
{
  GTypeInterface parent_iface;

  /* Transactions.  A write transaction takes the write lock at once. */
  gboolean (*begin)           (KzServerStorage      *self,
                               gboolean              write,
                               GError              **error);
  gboolean (*commit)          (KzServerStorage      *self,
                               GError              **error);
  void     (*rollback)        (KzServerStorage      *self);

  /* Versions. */
  gboolean (*get_cursor)      (KzServerStorage      *self,
                               gint64               *cursor,
                               GError              **error);
  gboolean (*next_version)    (KzServerStorage      *self,
                               gint64               *version,
                               GError              **error);

  /* Pushed change ids and their outcome. */
  gboolean (*lookup_result)   (KzServerStorage      *self,
                               const char           *change_id,
                               KzServerResult      **result,
                               GError              **error);
  gboolean (*store_result)    (KzServerStorage      *self,
                               const KzServerResult *result,
                               const char           *author,
                               gint64                time,
                               GError              **error);

  /* Records, fields and links. */
  gboolean (*get_record)      (KzServerStorage      *self,
                               const char           *uuid,
                               KzServerRecordState **state,
                               GError              **error);
  gboolean (*get_field)       (KzServerStorage      *self,
                               const char           *uuid,
                               const char           *field,
                               KzServerField       **out_field,
                               GError              **error);
  gboolean (*get_value_at)    (KzServerStorage      *self,
                               const char           *uuid,
                               const char           *field,
                               gint64                version,
                               char                **value,
                               GError              **error);
  gboolean (*find_change)     (KzServerStorage      *self,
                               const char           *uuid,
                               const char           *field,
                               gint64                after,
                               gint64                upto,
                               char                **author,
                               GError              **error);
  gboolean (*write_field)     (KzServerStorage      *self,
                               const char           *kind,
                               const char           *uuid,
                               const char           *field,
                               const char           *value,
                               gint64                version,
                               const char           *author,
                               GError              **error);
  gboolean (*write_link)      (KzServerStorage      *self,
                               const char           *link,
                               const char           *a,
                               const char           *b,
                               gboolean              deleted,
                               gint64                version,
                               const char           *author,
                               GError              **error);
  /* Optional, for the bulk upload of protocol 2: without them the
   * generic code takes versions one by one and writes field by field. */
  gboolean (*take_versions)   (KzServerStorage      *self,
                               guint                 n,
                               gint64               *first,
                               GError              **error);
  gboolean (*create_record)   (KzServerStorage      *self,
                               const char           *kind,
                               const char           *uuid,
                               const char * const   *names,
                               const char * const   *values,
                               guint                 n,
                               gint64                first_version,
                               const char           *author,
                               GError              **error);
  gboolean (*list_records)    (KzServerStorage      *self,
                               gint64                since,
                               guint                 limit,
                               GPtrArray           **records,
                               GError              **error);
  gboolean (*list_links)      (KzServerStorage      *self,
                               gint64                since,
                               guint                 limit,
                               GPtrArray           **links,
                               GError              **error);

  /* Conflicts. */
  gboolean (*add_conflict)    (KzServerStorage      *self,
                               const KzServerConflict *conflict,
                               GError              **error);
  gboolean (*find_conflict)   (KzServerStorage      *self,
                               const KzServerConflict *like,
                               char                **id,
                               GError              **error);
  gboolean (*get_conflict)    (KzServerStorage      *self,
                               const char           *id,
                               KzServerConflict    **conflict,
                               GError              **error);
  gboolean (*list_conflicts)  (KzServerStorage      *self,
                               GPtrArray           **conflicts,
                               GError              **error);
  gboolean (*close_conflict)  (KzServerStorage      *self,
                               const char           *id,
                               gint64                version,
                               const char           *resolver,
                               gint64                time,
                               GError              **error);

  /* Users. */
  gboolean (*add_user)        (KzServerStorage      *self,
                               const char           *name,
                               KzRole                role,
                               const char           *password_hash,
                               gint64                time,
                               GError              **error);
  gboolean (*get_user)        (KzServerStorage      *self,
                               const char           *name,
                               KzServerUser        **user,
                               GError              **error);
  gboolean (*list_users)      (KzServerStorage      *self,
                               GPtrArray           **users,
                               GError              **error);
  gboolean (*remove_user)     (KzServerStorage      *self,
                               gint64                user_id,
                               GError              **error);
  gboolean (*set_password)    (KzServerStorage      *self,
                               gint64                user_id,
                               const char           *password_hash,
                               GError              **error);

  /* Login tokens, kept only as their hash. */
  gboolean (*add_token)       (KzServerStorage      *self,
                               const guint8         *hash,
                               gint64                user_id,
                               gint64                created,
                               gint64                expires,
                               GError              **error);
  gboolean (*lookup_token)    (KzServerStorage      *self,
                               const guint8         *hash,
                               gint64                now,
                               KzServerUser        **user,
                               GError              **error);
  gboolean (*revoke_token)    (KzServerStorage      *self,
                               const guint8         *hash,
                               gint64                now,
                               GError              **error);
  gboolean (*revoke_tokens)   (KzServerStorage      *self,
                               gint64                user_id,
                               gint64                now,
                               GError              **error);
  gboolean (*purge_tokens)    (KzServerStorage      *self,
                               gint64                now,
                               GError              **error);

  /* Failed logins, for backends that several server processes share.
   * Optional: without them each process counts in memory. */
  gboolean (*add_login_failure)    (KzServerStorage  *self,
                                    const char       *user,
                                    const char       *address,
                                    gint64            time,
                                    gint64            forget_before,
                                    GError          **error);
  gboolean (*count_login_failures) (KzServerStorage  *self,
                                    const char       *user,
                                    const char       *address,
                                    gint64            since,
                                    guint            *count,
                                    gint64           *oldest,
                                    GError          **error);
  gboolean (*clear_login_failures) (KzServerStorage  *self,
                                    const char       *user,
                                    const char       *address,
                                    GError          **error);
};

gboolean kz_server_storage_begin          (KzServerStorage      *self,
                                           gboolean              write,
                                           GError              **error);
gboolean kz_server_storage_commit         (KzServerStorage      *self,
                                           GError              **error);
void     kz_server_storage_rollback       (KzServerStorage      *self);

gboolean kz_server_storage_get_cursor     (KzServerStorage      *self,
                                           gint64               *cursor,
                                           GError              **error);
/* Allocates the next version; it is used up when the transaction commits. */
gboolean kz_server_storage_next_version   (KzServerStorage      *self,
                                           gint64               *version,
                                           GError              **error);

/* *result is NULL when @change_id was never seen. */
gboolean kz_server_storage_lookup_result  (KzServerStorage      *self,
                                           const char           *change_id,
                                           KzServerResult      **result,
                                           GError              **error);
gboolean kz_server_storage_store_result   (KzServerStorage      *self,
                                           const KzServerResult *result,
                                           const char           *author,
                                           gint64                time,
                                           GError              **error);

/* *state is NULL when the record does not exist. */
gboolean kz_server_storage_get_record     (KzServerStorage      *self,
                                           const char           *uuid,
                                           KzServerRecordState **state,
                                           GError              **error);
/* *out_field is NULL when the field was never set. */
gboolean kz_server_storage_get_field      (KzServerStorage      *self,
                                           const char           *uuid,
                                           const char           *field,
                                           KzServerField       **out_field,
                                           GError              **error);
/* The value @field had at @version ("deleted" included); NULL when
 * it was empty or unknown then. */
gboolean kz_server_storage_get_value_at   (KzServerStorage      *self,
                                           const char           *uuid,
                                           const char           *field,
                                           gint64                version,
                                           char                **value,
                                           GError              **error);
/* Whether @field (NULL: any field but "deleted") of the record changed
 * in the versions after @after up to @upto: *author gets the author of
 * the latest such change, or NULL when there was none. */
gboolean kz_server_storage_find_change    (KzServerStorage      *self,
                                           const char           *uuid,
                                           const char           *field,
                                           gint64                after,
                                           gint64                upto,
                                           char                **author,
                                           GError              **error);
/* Sets @field ("deleted" with "true"/"false" included) at @version,
 * creating the record if needed, and keeps the change in the history. */
gboolean kz_server_storage_write_field    (KzServerStorage      *self,
                                           const char           *kind,
                                           const char           *uuid,
                                           const char           *field,
                                           const char           *value,
                                           gint64                version,
                                           const char           *author,
                                           GError              **error);
gboolean kz_server_storage_write_link     (KzServerStorage      *self,
                                           const char           *link,
                                           const char           *a,
                                           const char           *b,
                                           gboolean              deleted,
                                           gint64                version,
                                           const char           *author,
                                           GError              **error);
/* Allocates @n versions at once: *first and the @n - 1 after it. */
gboolean kz_server_storage_take_versions  (KzServerStorage      *self,
                                           guint                 n,
                                           gint64               *first,
                                           GError              **error);
/* Creates a record the server does not have with @n (> 0) fields set
 * to non-empty @values, field i at version @first_version + i, each
 * kept in the history as if written by kz_server_storage_write_field(). */
gboolean kz_server_storage_create_record  (KzServerStorage      *self,
                                           const char           *kind,
                                           const char           *uuid,
                                           const char * const   *names,
                                           const char * const   *values,
                                           guint                 n,
                                           gint64                first_version,
                                           const char           *author,
                                           GError              **error);
/* Up to @limit records (links) whose version is above @since, in
 * version order. */
gboolean kz_server_storage_list_records   (KzServerStorage      *self,
                                           gint64                since,
                                           guint                 limit,
                                           GPtrArray           **records,
                                           GError              **error);
gboolean kz_server_storage_list_links     (KzServerStorage      *self,
                                           gint64                since,
                                           guint                 limit,
                                           GPtrArray           **links,
                                           GError              **error);

gboolean kz_server_storage_add_conflict   (KzServerStorage      *self,
                                           const KzServerConflict *conflict,
                                           GError              **error);
/* An open conflict with the same record, field, values and client
 * author as @like; *id is NULL when there is none. */
gboolean kz_server_storage_find_conflict  (KzServerStorage      *self,
                                           const KzServerConflict *like,
                                           char                **id,
                                           GError              **error);
gboolean kz_server_storage_get_conflict   (KzServerStorage      *self,
                                           const char           *id,
                                           KzServerConflict    **conflict,
                                           GError              **error);
/* The open conflicts, oldest first. */
gboolean kz_server_storage_list_conflicts (KzServerStorage      *self,
                                           GPtrArray           **conflicts,
                                           GError              **error);
gboolean kz_server_storage_close_conflict (KzServerStorage      *self,
                                           const char           *id,
                                           gint64                version,
                                           const char           *resolver,
                                           gint64                time,
                                           GError              **error);

/* KZ_SERVER_ERROR_EXISTS when the name is taken. */
gboolean kz_server_storage_add_user       (KzServerStorage      *self,
                                           const char           *name,
                                           KzRole                role,
                                           const char           *password_hash,
                                           gint64                time,
                                           GError              **error);
/* *user is NULL when there is no such user. */
gboolean kz_server_storage_get_user       (KzServerStorage      *self,
                                           const char           *name,
                                           KzServerUser        **user,
                                           GError              **error);
gboolean kz_server_storage_list_users     (KzServerStorage      *self,
                                           GPtrArray           **users,
                                           GError              **error);
gboolean kz_server_storage_remove_user    (KzServerStorage      *self,
                                           gint64                user_id,
                                           GError              **error);
gboolean kz_server_storage_set_password   (KzServerStorage      *self,
                                           gint64                user_id,
                                           const char           *password_hash,
                                           GError              **error);

gboolean kz_server_storage_add_token      (KzServerStorage      *self,
                                           const guint8         *hash,
                                           gint64                user_id,
                                           gint64                created,
                                           gint64                expires,
                                           GError              **error);
/* *user (without password hash) is NULL unless the token is known,
 * not revoked and not expired at @now. */
gboolean kz_server_storage_lookup_token   (KzServerStorage      *self,
                                           const guint8         *hash,
                                           gint64                now,
                                           KzServerUser        **user,
                                           GError              **error);
gboolean kz_server_storage_revoke_token   (KzServerStorage      *self,
                                           const guint8         *hash,
                                           gint64                now,
                                           GError              **error);
gboolean kz_server_storage_revoke_tokens  (KzServerStorage      *self,
                                           gint64                user_id,
                                           gint64                now,
                                           GError              **error);
/* Forgets tokens that expired before @now. */
gboolean kz_server_storage_purge_tokens   (KzServerStorage      *self,
                                           gint64                now,
                                           GError              **error);

/* Failed logins kept in the storage (see the interface); only when
 * kz_server_storage_keeps_login_failures() is TRUE. */
gboolean kz_server_storage_keeps_login_failures (KzServerStorage  *self);
/* Notes a failure at @time and forgets all failures before @forget_before. */
gboolean kz_server_storage_add_login_failure    (KzServerStorage  *self,
                                                 const char       *user,
                                                 const char       *address,
                                                 gint64            time,
                                                 gint64            forget_before,
                                                 GError          **error);
/* The failures of @user from @address after @since: how many, and the
 * time of the oldest (0 when none). */
gboolean kz_server_storage_count_login_failures (KzServerStorage  *self,
                                                 const char       *user,
                                                 const char       *address,
                                                 gint64            since,
                                                 guint            *count,
                                                 gint64           *oldest,
                                                 GError          **error);
gboolean kz_server_storage_clear_login_failures (KzServerStorage  *self,
                                                 const char       *user,
                                                 const char       *address,
                                                 GError          **error);

G_END_DECLS
