/* kz-cli-account.h
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

#include "kz-cli.h"
#include "kz-sync-account.h"

G_BEGIN_DECLS

/* The sync account of the portfolio in use, kept by src/sync in
 * $XDG_CONFIG_HOME/kompetenz/sync.ini (kz-sync-account.h), shared with
 * the app.  The token is never kept there: it lives in the keyring, in
 * the file given with --token-file, or comes from $KOMPETENZ_TOKEN. */

gboolean  kz_cli_account_load       (KzCli         *cli,
                                     KzSyncAccount *account,
                                     GError       **error);
gboolean  kz_cli_account_save       (KzCli         *cli,
                                     const KzSyncAccount *account,
                                     GError       **error);

/* --token-file, then $KOMPETENZ_TOKEN, then the keyring.  NULL without
 * an error when there is none. */
char     *kz_cli_token_lookup       (KzCli         *cli,
                                     const KzSyncAccount *account,
                                     GError       **error);
/* Into --token-file when given, else into the keyring. */
gboolean  kz_cli_token_store        (KzCli         *cli,
                                     const KzSyncAccount *account,
                                     const char    *token,
                                     GError       **error);
gboolean  kz_cli_token_forget       (KzCli         *cli,
                                     const KzSyncAccount *account,
                                     GError       **error);

/* --password-file, then $KOMPETENZ_PASSWORD, then a prompt on the
 * terminal without echo. */
char     *kz_cli_read_password      (const char    *password_file,
                                     const char    *user,
                                     GError       **error);

G_END_DECLS
