/* kz-sync-client.h
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
#include "kz-sync-codec.h"

G_BEGIN_DECLS

typedef enum
{
  KZ_SYNC_STATE_DISABLED,    /* no server configured */
  KZ_SYNC_STATE_SIGNED_OUT,  /* a server, but no valid token */
  KZ_SYNC_STATE_IDLE,        /* everything sent and received */
  KZ_SYNC_STATE_SYNCING,
  KZ_SYNC_STATE_OFFLINE,     /* no network or server unreachable */
  KZ_SYNC_STATE_ERROR,       /* see the last-error property */
} KzSyncState;

typedef struct
{
  guint pushed;
  guint pulled;
  guint conflicts;   /* open conflicts on the server after the round */
  guint refused;     /* local changes refused as conflicts in this round */
} KzSyncStats;

#define KZ_TYPE_SYNC_CLIENT (kz_sync_client_get_type ())

G_DECLARE_FINAL_TYPE (KzSyncClient, kz_sync_client, KZ, SYNC_CLIENT, GObject)

/* Properties: "state" (KzSyncState as uint), "pending" (uint), "conflicts"
 * (uint), "progress" (double, 0–1 while pulling, -1 when unknown),
 * "last-error" (string). */

KzSyncClient *kz_sync_client_new             (KzStore              *store);
KzStore      *kz_sync_client_get_store       (KzSyncClient         *self);
KzSyncState   kz_sync_client_get_state       (KzSyncClient         *self);
guint         kz_sync_client_get_pending     (KzSyncClient         *self);
guint         kz_sync_client_get_conflicts   (KzSyncClient         *self);
const char   *kz_sync_client_get_last_error  (KzSyncClient         *self);
const char   *kz_sync_client_get_url         (KzSyncClient         *self);
const char   *kz_sync_client_get_user        (KzSyncClient         *self);

/* Sets the server and account; @token NULL means signed out. */
void          kz_sync_client_set_account     (KzSyncClient         *self,
                                              const char           *url,
                                              const char           *user,
                                              const char           *token);
/* Seconds a request may wait for the server (60 unless set; 0: no
 * limit).  Tests raise it for servers slowed down by sanitizers. */
void          kz_sync_client_set_timeout     (KzSyncClient         *self,
                                              guint                 seconds);
/* A certificate the user chose to trust (a self-signed server). */
void          kz_sync_client_set_trusted_certificate (KzSyncClient *self,
                                              GTlsCertificate      *certificate);

/* Signs in and, on success, keeps the account and token (not the
 * password); the caller stores the token with kz_sync_secret_store(). */
void          kz_sync_client_login_async     (KzSyncClient         *self,
                                              const char           *url,
                                              const char           *user,
                                              const char           *password,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
char         *kz_sync_client_login_finish    (KzSyncClient         *self,
                                              GAsyncResult         *result,
                                              GError              **error);
/* Revokes the token on the server (if reachable) and forgets it. */
void          kz_sync_client_logout_async    (KzSyncClient         *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean      kz_sync_client_logout_finish   (KzSyncClient         *self,
                                              GAsyncResult         *result,
                                              GError              **error);

/* One round: push every pending change, pull everything new, fetch the
 * open conflicts.  Every page is applied atomically, so a cancelled or
 * broken-off round resumes where it stopped. */
void          kz_sync_client_sync_async      (KzSyncClient         *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean      kz_sync_client_sync_finish     (KzSyncClient         *self,
                                              GAsyncResult         *result,
                                              KzSyncStats          *stats,
                                              GError              **error);

/* Resolves conflict @id with @value (NULL empties the field). */
void          kz_sync_client_resolve_async   (KzSyncClient         *self,
                                              const char           *id,
                                              const char           *value,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean      kz_sync_client_resolve_finish  (KzSyncClient         *self,
                                              GAsyncResult         *result,
                                              GError              **error);

/* Stops a round in progress, automatic or not; the next round
 * continues where it stopped. */
void          kz_sync_client_cancel          (KzSyncClient         *self);

/* Syncs by itself: now, when the network comes back, every few minutes
 * and a few seconds after local edits. */
void          kz_sync_client_set_automatic   (KzSyncClient         *self,
                                              gboolean              automatic);

G_END_DECLS
