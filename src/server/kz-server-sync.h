/* kz-server-sync.h
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

#include <json-glib/json-glib.h>

#include "kz-server-storage.h"

G_BEGIN_DECLS

/* The protocol's logic (docs/sync-protocol.md), between parsed JSON
 * and the storage.  Each call runs one transaction: on error nothing
 * of it is kept, and the error is a KZ_SERVER_ERROR with the HTTP
 * status to answer (see kz_server_error_status()). */

/* Every client speaks protocol 1; protocol 2 adds the bulk upload. */
#define KZ_SERVER_PROTOCOL_VERSION 1
#define KZ_SERVER_PROTOCOL_LATEST  2
#define KZ_SERVER_PULL_LIMIT       500
#define KZ_SERVER_PULL_MAX_LIMIT   1000
/* Records and links in one bulk upload: fewer, larger transactions. */
#define KZ_SERVER_MAX_UPLOAD       5000

/* kz-server-pull.c: the read side. */
JsonNode *kz_server_sync_pull      (KzServerStorage     *storage,
                                    gint64               since,
                                    guint                limit,
                                    GError             **error);
JsonNode *kz_server_sync_conflicts (KzServerStorage     *storage,
                                    GError             **error);
JsonNode *kz_server_sync_status    (KzServerStorage     *storage,
                                    const KzServerUser  *user,
                                    GError             **error);

/* kz-server-sync.c: the write side. */
JsonNode *kz_server_sync_push      (KzServerStorage     *storage,
                                    const char          *author,
                                    JsonNode            *body,
                                    GError             **error);
JsonNode *kz_server_sync_resolve   (KzServerStorage     *storage,
                                    const char          *author,
                                    const char          *conflict_id,
                                    JsonNode            *body,
                                    GError             **error);

/* kz-server-upload.c: the bulk first upload of protocol 2. */
JsonNode *kz_server_sync_upload    (KzServerStorage     *storage,
                                    const char          *author,
                                    JsonNode            *body,
                                    GError             **error);

G_END_DECLS
