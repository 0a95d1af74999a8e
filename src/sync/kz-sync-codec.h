/* kz-sync-codec.h
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

#include "kz-store-sync.h"

G_BEGIN_DECLS

/* JSON of the sync protocol (docs/sync-protocol.md), client side.
 * Decoders are strict: anything unexpected is a KZ_SYNC_ERROR_PROTOCOL
 * error and nothing is applied. */

#define KZ_SYNC_ERROR (kz_sync_error_quark ())

typedef enum
{
  KZ_SYNC_ERROR_PROTOCOL,      /* the server's answer is not what the protocol says */
  KZ_SYNC_ERROR_UNAUTHORIZED,  /* 401: signed out, wrong password, expired token */
  KZ_SYNC_ERROR_FORBIDDEN,     /* 403: a reader account */
  KZ_SYNC_ERROR_NETWORK,       /* no connection, time-out */
  KZ_SYNC_ERROR_TLS,           /* certificate not trusted */
  KZ_SYNC_ERROR_SERVER,        /* any other error status */
  KZ_SYNC_ERROR_NOT_CONFIGURED,
} KzSyncError;

GQuark      kz_sync_error_quark        (void);

char       *kz_sync_encode_login       (const char   *user,
                                        const char   *password);
gboolean    kz_sync_decode_login       (GBytes       *body,
                                        char        **token,
                                        char        **role,
                                        GError      **error);

char       *kz_sync_encode_push        (GPtrArray    *pending);
/* Reads the push results and acknowledges or rejects each change in
 * one store transaction.  Counts what was applied and what conflicted. */
gboolean    kz_sync_apply_results      (KzStore      *store,
                                        GPtrArray    *pending,
                                        GBytes       *body,
                                        guint        *n_applied,
                                        guint        *n_conflicts,
                                        GError      **error);

/* Applies one pull page in one transaction and advances the cursor. */
gboolean    kz_sync_apply_page         (KzStore      *store,
                                        GBytes       *body,
                                        gboolean     *more,
                                        guint        *n_records,
                                        GError      **error);

/* The same in two steps, so that the next page can be asked for once
 * this one is parsed, while it is being applied. */
typedef struct _KzSyncPage KzSyncPage;

void        kz_sync_page_free          (KzSyncPage   *page);
KzSyncPage *kz_sync_page_parse         (GBytes       *body,
                                        gint64       *cursor,
                                        gboolean     *more,
                                        GError      **error);
gboolean    kz_sync_page_apply         (KzStore      *store,
                                        KzSyncPage   *page,
                                        guint        *n_records,
                                        GError      **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzSyncPage, kz_sync_page_free)

/* Replaces the local copy of the server's open conflicts. */
gboolean    kz_sync_apply_conflicts    (KzStore      *store,
                                        GBytes       *body,
                                        guint        *n_conflicts,
                                        GError      **error);

gboolean    kz_sync_decode_status      (GBytes       *body,
                                        gint64       *cursor,
                                        GError      **error);
char       *kz_sync_encode_resolve     (const char   *value);

/* The message of an error answer, or NULL. */
char       *kz_sync_decode_error       (GBytes       *body);

G_END_DECLS
