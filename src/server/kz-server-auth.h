/* kz-server-auth.h
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

#include "kz-server-storage.h"

G_BEGIN_DECLS

/* Passwords (argon2id through crypto_pwhash_str), login tokens (32
 * random bytes, base64url, stored only as a BLAKE2b hash) and the
 * user administration of the command line. */

#define KZ_SERVER_TOKEN_LIFETIME_DAYS 30
#define KZ_SERVER_PASSWORD_MIN_CHARS  8
#define KZ_SERVER_PASSWORD_MAX_BYTES  1024

gboolean      kz_server_auth_init            (GError           **error);

char         *kz_server_auth_hash_password   (const char        *password,
                                              GError           **error);
/* Takes as long for a NULL @hash (an unknown user) as for a real one. */
gboolean      kz_server_auth_verify_password (const char        *hash,
                                              const char        *password);
gboolean      kz_server_auth_check_name      (const char        *name,
                                              GError           **error);
gboolean      kz_server_auth_check_password  (const char        *password,
                                              GError           **error);

/* A new token; @hash (KZ_SERVER_TOKEN_HASH_SIZE bytes) gets its hash. */
char         *kz_server_auth_new_token       (guint8            *hash);
/* FALSE unless @token looks like one of ours. */
gboolean      kz_server_auth_hash_token      (const char        *token,
                                              guint8            *hash);
/* Hashes the token of an "Authorization: Bearer …" header. */
gboolean      kz_server_auth_parse_bearer    (const char        *authorization,
                                              guint8            *hash);

/* Each of these runs its own transaction. */
gboolean      kz_server_auth_issue_token     (KzServerStorage   *storage,
                                              const KzServerUser *user,
                                              gint64             lifetime,
                                              char             **token,
                                              gint64            *expires,
                                              GError           **error);
/* The user of a valid token, or KZ_SERVER_ERROR_UNAUTHORIZED. */
KzServerUser *kz_server_auth_authenticate    (KzServerStorage   *storage,
                                              const char        *authorization,
                                              GError           **error);
gboolean      kz_server_auth_logout          (KzServerStorage   *storage,
                                              const char        *authorization,
                                              GError           **error);

gboolean      kz_server_auth_add_user        (KzServerStorage   *storage,
                                              const char        *name,
                                              KzRole             role,
                                              const char        *password,
                                              GError           **error);
/* Both revoke every token of the user; KZ_SERVER_ERROR_NOT_FOUND when
 * there is no such user. */
gboolean      kz_server_auth_set_password    (KzServerStorage   *storage,
                                              const char        *name,
                                              const char        *password,
                                              GError           **error);
gboolean      kz_server_auth_remove_user     (KzServerStorage   *storage,
                                              const char        *name,
                                              GError           **error);
GPtrArray    *kz_server_auth_list_users      (KzServerStorage   *storage,
                                              GError           **error);

G_END_DECLS
