/* kz-server-cli.h
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

/* The command line's user administration and what it shares with
 * serving: exit codes, the data directory, reading passwords. */

typedef enum
{
  KZ_EXIT_OK      = 0,
  KZ_EXIT_REFUSED = 1,   /* a valid request the data refuses: the user exists, … */
  KZ_EXIT_USAGE   = 2,   /* wrong options or arguments */
  KZ_EXIT_IO      = 3,   /* files, the database, the network */
} KzExitCode;

#define KZ_SERVER_DB_NAME "server.db"

int              kz_server_cli_exit_code     (const GError        *error);
/* Opens the database of --database: a postgresql:// (or postgres://)
 * URI, or an SQLite file name, optionally with "sqlite:" before it. */
KzServerStorage *kz_server_cli_open_database (const char          *location,
                                              GError             **error);
/* Exactly one of @data_dir and @database is given: @data_dir is
 * created (mode 0700) if needed and its server.db opened; @database
 * is opened with kz_server_cli_open_database(). */
KzServerStorage *kz_server_cli_open_storage  (const char          *data_dir,
                                              const char          *database,
                                              GError             **error);
/* Reads a password: one line of standard input when it is not a
 * terminal, else typed twice without echo. */
char            *kz_server_cli_read_password (const char          *user,
                                              GError             **error);
/* "user add NAME", "user list", "user remove NAME", "user password
 * NAME" (@args without "user"); @role only for "add".  Prints errors
 * and returns the exit code. */
int              kz_server_cli_user          (const char          *data_dir,
                                              const char          *database,
                                              const char * const  *args,
                                              const char          *role);

G_END_DECLS
