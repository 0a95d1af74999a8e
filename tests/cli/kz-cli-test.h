/* kz-cli-test.h
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

#include "kz-store.h"

G_BEGIN_DECLS

/* Runs the real kompetenz-cli ($KZ_CLI_BINARY) in a temporary home:
 * XDG_DATA_HOME, XDG_CONFIG_HOME and the database live in one
 * directory that is removed afterwards, the locale is C.UTF-8, and the
 * D-Bus session points nowhere, so no keyring is ever touched. */

typedef struct
{
  char   *dir;
  char   *database;   /* dir/portfolio.db, passed as --database */
  GStrv   envp;
} KzCliTest;

KzCliTest  *kz_cli_test_new           (void);
void        kz_cli_test_free          (KzCliTest          *self);
void        kz_cli_test_setenv        (KzCliTest          *self,
                                       const char         *name,
                                       const char         *value);
char       *kz_cli_test_path          (KzCliTest          *self,
                                       const char         *name);

/* A deterministic demo portfolio (seed 2026, 23 Nov 2026) at @path. */
void        kz_cli_test_make_demo     (const char         *path,
                                       guint               n_projects);
/* Copies the database file @from (closed, checkpointed) to the test's. */
void        kz_cli_test_use_copy      (KzCliTest          *self,
                                       const char         *from);
KzStore    *kz_cli_test_open_store    (KzCliTest          *self);

/* Runs "kompetenz-cli --database DB ARGS…" with @input on standard
 * input (NULL: none); returns the exit status.  @out and @err may be
 * NULL. */
int         kz_cli_test_run           (KzCliTest          *self,
                                       const char         *input,
                                       char              **out,
                                       char              **err,
                                       const char         *first_arg,
                                       ...) G_GNUC_NULL_TERMINATED;
int         kz_cli_test_runv          (KzCliTest          *self,
                                       const char         *input,
                                       char              **out,
                                       char              **err,
                                       const char * const *args);
/* Starts the same without waiting; standard output and error are
 * discarded. */
GSubprocess *kz_cli_test_spawn        (KzCliTest          *self,
                                       const char * const *args);

/* Runs and asserts the exit status; returns standard output. */
char       *kz_cli_test_check         (KzCliTest          *self,
                                       int                 status,
                                       const char         *first_arg,
                                       ...) G_GNUC_NULL_TERMINATED;
/* Runs, asserts @status and that standard error contains @needle. */
void        kz_cli_test_expect        (KzCliTest          *self,
                                       int                 status,
                                       const char         *needle,
                                       const char         *first_arg,
                                       ...) G_GNUC_NULL_TERMINATED;

JsonNode   *kz_cli_test_parse_json    (const char         *text);

void        kz_cli_test_remove_tree   (const char         *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzCliTest, kz_cli_test_free)

G_END_DECLS
