/* kz-cli.h
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
#include <json-glib/json-glib.h>

#include "kz-filter.h"
#include "kz-record.h"
#include "kz-store.h"

G_BEGIN_DECLS

/* Exit statuses, documented in kompetenz-cli(1). */
typedef enum
{
  KZ_CLI_EXIT_OK      = 0,
  KZ_CLI_EXIT_REFUSED = 1,   /* validation, unknown names, conflicts */
  KZ_CLI_EXIT_USAGE   = 2,
  KZ_CLI_EXIT_IO      = 3,   /* files, database, network */
} KzCliExit;

/* Errors raised by the command line itself; the code is the exit status. */
#define KZ_CLI_ERROR (kz_cli_error_quark ())

typedef struct
{
  char     *database;     /* --database, or NULL for the default */
  char     *author;       /* --author */
  char     *token_file;   /* --token-file (sync commands) */
  KzStore  *store;        /* opened by kz_cli_open_store() */
} KzCli;

typedef struct _KzCliCommand KzCliCommand;

typedef int (*KzCliRun) (KzCli               *cli,
                         const KzCliCommand  *command,
                         int                  argc,
                         char               **argv);

struct _KzCliCommand
{
  const char *name;         /* "list", "sync" */
  const char *sub;          /* "status" for "sync status", or NULL */
  const char *parameters;   /* "TYPE [ID]" for the usage line */
  const char *summary;      /* N_(): one line */
  const char *description;  /* N_(): details and examples */
  KzCliRun    run;
};

GQuark          kz_cli_error_quark        (void);

/* Commands, in kz-cli-records.c, kz-cli-sync.c and kz-cli-files.c. */
extern const KzCliCommand kz_cli_record_commands[];
extern const KzCliCommand kz_cli_edit_commands[];
extern const KzCliCommand kz_cli_sync_commands[];
extern const KzCliCommand kz_cli_file_commands[];

/* "restore FILE", in kz-cli-files.c. */
int             kz_cli_restore_backup     (KzCli               *cli,
                                           const KzCliCommand  *command,
                                           const char          *path);

/* Options: every command also takes --database and --author. */
GOptionContext *kz_cli_context_new        (KzCli               *cli,
                                           const KzCliCommand  *command,
                                           const GOptionEntry  *entries);
/* Parses, then checks that between @min and @max positional
 * arguments (after the command words) remain. */
gboolean        kz_cli_parse              (GOptionContext      *context,
                                           const KzCliCommand  *command,
                                           int                 *argc,
                                           char              ***argv,
                                           int                  min,
                                           int                  max,
                                           GError             **error);
const GOptionEntry *kz_cli_global_entries (KzCli               *cli);

/* Errors: prints "kompetenz-cli: message" and returns the exit status. */
int             kz_cli_exit_code          (const GError        *error);
int             kz_cli_fail               (const KzCliCommand  *command,
                                           GError              *error);

/* The portfolio, opened with the author set.  Unless @create, a
 * missing file is an error rather than a new, empty portfolio. */
KzStore        *kz_cli_open_store         (KzCli               *cli,
                                           gboolean             create,
                                           GError             **error);
char           *kz_cli_database_path      (KzCli               *cli);
const char     *kz_cli_author             (KzCli               *cli);

/* "project", "projects" or a label such as "Projekte". */
gboolean        kz_cli_parse_kind         (const char          *name,
                                           KzKind              *kind,
                                           GError             **error);
/* A full id or a unique prefix of at least 8 characters, deleted
 * records included. */
KzRecord       *kz_cli_get_record         (KzStore             *store,
                                           KzKind               kind,
                                           const char          *id,
                                           GError             **error);
char           *kz_cli_find_prefix        (GList               *ids,
                                           const char          *prefix,
                                           const char          *what,
                                           GError             **error);
/* "project “Title” (0b7c1d2e)" */
char           *kz_cli_describe_record    (KzRecord            *record);
/* Prefixes @error with the record and, if known, the field name. */
void            kz_cli_prefix_error       (GError             **error,
                                           KzRecord            *record,
                                           const char          *field);
/* kz_store_save() with the failing field named in the message. */
gboolean        kz_cli_save_record        (KzStore             *store,
                                           KzRecord            *record,
                                           GError             **error);

/* Reads a whole file, or standard input for "-". */
char           *kz_cli_read_input         (const char          *path,
                                           GError             **error);
/* Titles of referenced records, looked up once per kind. */
typedef struct _KzCliTitles KzCliTitles;

KzCliTitles    *kz_cli_titles_new         (KzStore             *store);
void            kz_cli_titles_free        (KzCliTitles         *titles);
/* The title, or the first 8 characters of the id when it has none. */
const char     *kz_cli_titles_lookup      (KzCliTitles         *titles,
                                           KzKind               kind,
                                           const char          *uuid);
/* Display text of a field in the user's language; REF fields show the
 * referenced record's title.  NULL when the field is empty. */
char           *kz_cli_display_value      (KzRecord            *record,
                                           const KzField       *field,
                                           KzCliTitles         *titles);

/* An aligned text table; cells are copied, NULL prints as empty. */
typedef struct _KzCliTable KzCliTable;

KzCliTable     *kz_cli_table_new          (guint                n_columns);
void            kz_cli_table_free         (KzCliTable          *table);
void            kz_cli_table_add_row      (KzCliTable          *table,
                                           const char * const  *cells);
void            kz_cli_table_print        (KzCliTable          *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzCliTitles, kz_cli_titles_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzCliTable, kz_cli_table_free)

void            kz_cli_print_json         (JsonNode            *node);

/* Runs @run until it reports through kz_cli_wait_done(). */
typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  GCancellable *cancellable;
  guint         sigint_id;
  guint         sigterm_id;
} KzCliWait;

void            kz_cli_wait_init          (KzCliWait           *wait);
void            kz_cli_wait_clear         (KzCliWait           *wait);
void            kz_cli_wait_done          (GObject             *source,
                                           GAsyncResult        *result,
                                           gpointer             user_data);
GAsyncResult   *kz_cli_wait_run           (KzCliWait           *wait);

G_END_DECLS
