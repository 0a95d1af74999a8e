/* kz-sync-session.h
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

#include "kz-context.h"

G_BEGIN_DECLS

/* Wires the context's sync client to the account in sync.ini and the
 * token in the keyring.  Keyring calls run on worker threads; nothing
 * here fails loudly: without a keyring or network the app just works
 * offline. */

/* Reads the account of the context's portfolio, looks up the token and
 * starts automatic sync.  Also keeps last-sync in sync.ini up to date. */
void         kz_sync_session_start                (KzContext            *context);
/* The time of the last complete sync, or NULL. */
GDateTime   *kz_sync_session_get_last_sync        (KzContext            *context);
/* "Last synced today at 14:30", or NULL when never synced. */
char        *kz_sync_session_describe_last_sync   (KzContext            *context);
/* The account as last saved (URL and user survive signing out). */
const char  *kz_sync_session_get_url              (KzContext            *context);
const char  *kz_sync_session_get_user             (KzContext            *context);

/* Signs in: logs in, keeps the token in the keyring (worker thread),
 * saves url and user to sync.ini and starts syncing.  The password is
 * used once and never kept. */
void         kz_sync_session_sign_in_async        (KzContext            *context,
                                                   const char           *url,
                                                   const char           *user,
                                                   const char           *password,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean     kz_sync_session_sign_in_finish       (KzContext            *context,
                                                   GAsyncResult         *result,
                                                   GError              **error);
/* Revokes the token on the server when reachable and forgets it;
 * url and user stay, so that signing in again is quick. */
void         kz_sync_session_sign_out_async       (KzContext            *context,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean     kz_sync_session_sign_out_finish      (KzContext            *context,
                                                   GAsyncResult         *result,
                                                   GError              **error);
/* Trusts @certificate for this portfolio's server from now on. */
gboolean     kz_sync_session_trust_certificate    (KzContext            *context,
                                                   GTlsCertificate      *certificate,
                                                   GError              **error);

/* Starts a sync round now, unless one runs; kz_sync_session_cancel()
 * stops it (the next round continues where it stopped). */
void         kz_sync_session_sync_now             (KzContext            *context);
void         kz_sync_session_cancel               (KzContext            *context);

/* A sentence in the user's language for a sign-in error. */
char        *kz_sync_session_explain_error        (const GError         *error);

G_END_DECLS
