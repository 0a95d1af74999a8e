/* kz-server-cli.c
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

#define G_LOG_DOMAIN "kz-server"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "kz-server-auth.h"
#include "kz-server-cli.h"
#include "kz-server-error.h"
#include "kz-server-postgres.h"
#include "kz-server-sqlite.h"

/* Room for the longest password, a line end and one byte more to
 * notice a longer one. */
#define LINE_SIZE (KZ_SERVER_PASSWORD_MAX_BYTES + 3)

int
kz_server_cli_exit_code (const GError *error)
{
  if (error == NULL)
    return KZ_EXIT_OK;

  if (error->domain == KZ_SERVER_ERROR)
    {
      switch (error->code)
        {
        case KZ_SERVER_ERROR_EXISTS:
        case KZ_SERVER_ERROR_NOT_FOUND:
        case KZ_SERVER_ERROR_INVALID:
          return KZ_EXIT_REFUSED;
        case KZ_SERVER_ERROR_BAD_REQUEST:
          return KZ_EXIT_USAGE;
        default:
          return KZ_EXIT_IO;
        }
    }

  if (error->domain == G_OPTION_ERROR)
    return KZ_EXIT_USAGE;

  return KZ_EXIT_IO;
}

static void
give_to_directory_owner (const char *data_dir)
{
  static const char * const names[] = {
    KZ_SERVER_DB_NAME, KZ_SERVER_DB_NAME "-wal", KZ_SERVER_DB_NAME "-shm",
  };
  GStatBuf dir;

  /* root administering a directory of the service's user (say with
   * systemd's DynamicUser) must not leave files the service cannot
   * write. */
  if (geteuid () != 0 || g_stat (data_dir, &dir) != 0 || dir.st_uid == 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (data_dir, names[i], NULL);

      if (chown (path, dir.st_uid, dir.st_gid) != 0 && errno != ENOENT)
        g_warning ("Could not hand %s to its directory's owner: %s", path, g_strerror (errno));
    }
}

static KzServerStorage *
open_data_dir (const char  *data_dir,
               GError     **error)
{
  g_autofree char *path = NULL;
  KzServerSqlite *storage;

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the data directory “%s”: %s"),
                   data_dir, g_strerror (saved_errno));
      return NULL;
    }

  path = g_build_filename (data_dir, KZ_SERVER_DB_NAME, NULL);
  if (!(storage = kz_server_sqlite_open (path, error)))
    return NULL;

  give_to_directory_owner (data_dir);
  return KZ_SERVER_STORAGE (storage);
}

KzServerStorage *
kz_server_cli_open_database (const char  *location,
                             GError     **error)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (kz_server_postgres_is_uri (location))
    return (KzServerStorage *)kz_server_postgres_open (location, error);

  if (g_str_has_prefix (location, "sqlite:"))
    location += strlen ("sqlite:");

  if (location[0] == 0)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST,
                   _("--database needs a file name or a postgresql:// address."));
      return NULL;
    }

  return (KzServerStorage *)kz_server_sqlite_open (location, error);
}

KzServerStorage *
kz_server_cli_open_storage (const char  *data_dir,
                            const char  *database,
                            GError     **error)
{
  g_return_val_if_fail ((data_dir == NULL) != (database == NULL), NULL);

  if (database != NULL)
    return kz_server_cli_open_database (database, error);

  return open_data_dir (data_dir, error);
}

/* Passwords */

static gboolean
read_line (char     *buffer,
           GError  **error)
{
  gsize len;

  if (fgets (buffer, LINE_SIZE, stdin) == NULL)
    buffer[0] = 0;

  len = strlen (buffer);
  if (len > 0 && buffer[len - 1] == '\n')
    buffer[--len] = 0;
  if (len > 0 && buffer[len - 1] == '\r')
    buffer[--len] = 0;

  if (len > KZ_SERVER_PASSWORD_MAX_BYTES)
    {
      g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_INVALID,
                   _("A password may have at most %d bytes."), KZ_SERVER_PASSWORD_MAX_BYTES);
      return FALSE;
    }

  return TRUE;
}

static gboolean
prompt (const char  *question,
        char        *buffer,
        GError     **error)
{
  struct termios saved, quiet;
  gboolean ok;

  g_printerr ("%s", question);
  if (tcgetattr (STDIN_FILENO, &saved) != 0)
    return read_line (buffer, error);

  quiet = saved;
  quiet.c_lflag &= ~ECHO;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  ok = read_line (buffer, error);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  g_printerr ("\n");

  return ok;
}

static char *
read_twice (const char  *user,
            GError     **error)
{
  g_autofree char *question = g_strdup_printf (_("New password for %s: "), user);
  char first[LINE_SIZE], second[LINE_SIZE];
  char *password = NULL;

  if (prompt (question, first, error) && prompt (_("Repeat the password: "), second, error))
    {
      if (g_str_equal (first, second))
        password = g_strdup (first);
      else
        g_set_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_INVALID,
                     _("The two passwords differ."));
    }

  sodium_memzero (first, sizeof first);
  sodium_memzero (second, sizeof second);
  return password;
}

char *
kz_server_cli_read_password (const char  *user,
                             GError     **error)
{
  char line[LINE_SIZE];
  char *password = NULL;

  if (isatty (STDIN_FILENO))
    return read_twice (user, error);

  if (read_line (line, error))
    password = g_strdup (line);
  sodium_memzero (line, sizeof line);
  return password;
}

/* The user commands */

static void
free_password (char *password)
{
  if (password != NULL)
    sodium_memzero (password, strlen (password));
  g_free (password);
}

typedef char SecretString;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecretString, free_password)

static int
usage_error (const char *message)
{
  g_printerr ("kompetenz-server: %s\n", message);
  g_printerr (_("Run “kompetenz-server --help” for the commands and options.\n"));
  return KZ_EXIT_USAGE;
}

static int
report (GError *error)
{
  if (error == NULL)
    return KZ_EXIT_OK;

  g_printerr ("kompetenz-server: %s\n", error->message);
  return kz_server_cli_exit_code (error);
}

static int
user_add (KzServerStorage *storage,
          const char      *name,
          KzRole           role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KzServerUser) existing = NULL;
  g_autoptr(SecretString) password = NULL;

  if (kz_server_storage_begin (storage, FALSE, &error))
    {
      kz_server_storage_get_user (storage, name, &existing, &error);
      kz_server_storage_rollback (storage);
    }
  if (error == NULL && existing != NULL)
    g_set_error (&error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_EXISTS,
                 _("There already is a user “%s”."), name);

  if (error == NULL && (password = kz_server_cli_read_password (name, &error)) &&
      kz_server_auth_add_user (storage, name, role, password, &error))
    g_print (_("Added the user “%s” (%s).\n"), name, kz_role_to_string (role));

  return report (error);
}

static int
user_list (KzServerStorage *storage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = kz_server_auth_list_users (storage, &error);

  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      const KzServerUser *user = g_ptr_array_index (users, i);
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_local (user->created);
      g_autofree char *date = g_date_time_format (created, "%Y-%m-%d");

      g_print ("%s\t%s\t%s\n", user->name, kz_role_to_string (user->role), date);
    }

  return report (error);
}

static int
user_remove (KzServerStorage *storage,
             const char      *name)
{
  g_autoptr(GError) error = NULL;

  if (kz_server_auth_remove_user (storage, name, &error))
    g_print (_("Removed the user “%s”; their logins have been revoked.\n"), name);

  return report (error);
}

static int
user_password (KzServerStorage *storage,
               const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KzServerUser) user = NULL;
  g_autoptr(SecretString) password = NULL;

  if (kz_server_storage_begin (storage, FALSE, &error))
    {
      kz_server_storage_get_user (storage, name, &user, &error);
      kz_server_storage_rollback (storage);
    }
  if (error == NULL && user == NULL)
    g_set_error (&error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_NOT_FOUND,
                 _("There is no user “%s”."), name);

  if (error == NULL && (password = kz_server_cli_read_password (name, &error)) &&
      kz_server_auth_set_password (storage, name, password, &error))
    g_print (_("Changed the password of “%s”; their logins have been revoked.\n"), name);

  return report (error);
}

/* Checks the arguments of a user command before anything is opened. */
static int
check_user_args (const char * const *args,
                 const char         *role_text,
                 KzRole             *role)
{
  static const char * const commands[] = { "add", "list", "remove", "password", NULL };
  const char *command = args[0];
  guint n = g_strv_length ((char **)args);
  gboolean takes_name = g_strcmp0 (command, "list") != 0;
  g_autoptr(GError) error = NULL;

  if (command == NULL || !g_strv_contains (commands, command))
    return usage_error (_("“user” takes one of: add, list, remove, password."));
  if (n != (takes_name ? 2u : 1u))
    return usage_error (takes_name ? _("This user command takes one user name.")
                                   : _("“user list” takes no further arguments."));
  if (takes_name && !kz_server_auth_check_name (args[1], &error))
    return usage_error (error->message);
  if (g_str_equal (command, "add") && role_text == NULL)
    return usage_error (_("“user add” needs --role admin, --role staff or --role reader."));
  if (role_text != NULL && !g_str_equal (command, "add"))
    return usage_error (_("--role is only for “user add”."));
  if (role_text != NULL && !kz_role_from_string (role_text, role))
    return usage_error (_("The role must be admin, staff or reader."));

  return KZ_EXIT_OK;
}

int
kz_server_cli_user (const char         *data_dir,
                    const char         *database,
                    const char * const *args,
                    const char         *role_text)
{
  g_autoptr(KzServerStorage) storage = NULL;
  g_autoptr(GError) error = NULL;
  KzRole role = KZ_ROLE_READER;
  int status;

  g_return_val_if_fail ((data_dir == NULL) != (database == NULL), KZ_EXIT_USAGE);
  g_return_val_if_fail (args != NULL, KZ_EXIT_USAGE);

  if ((status = check_user_args (args, role_text, &role)) != KZ_EXIT_OK)
    return status;

  if (!(storage = kz_server_cli_open_storage (data_dir, database, &error)))
    return report (error);

  if (g_str_equal (args[0], "add"))
    status = user_add (storage, args[1], role);
  else if (g_str_equal (args[0], "list"))
    status = user_list (storage);
  else if (g_str_equal (args[0], "remove"))
    status = user_remove (storage, args[1]);
  else
    status = user_password (storage, args[1]);

  g_clear_object (&storage);
  if (data_dir != NULL)
    give_to_directory_owner (data_dir);
  return status;
}
