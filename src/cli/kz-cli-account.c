/* kz-cli-account.c
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

#define G_LOG_DOMAIN "kompetenz-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "kz-cli-account.h"
#include "kz-sync-secret.h"

#define PASSWORD_MAX 1024

gboolean
kz_cli_account_load (KzCli          *cli,
                     KzSyncAccount  *account,
                     GError        **error)
{
  g_autofree char *database = kz_cli_database_path (cli);

  return kz_sync_account_load (database, account, error);
}

gboolean
kz_cli_account_save (KzCli                *cli,
                     const KzSyncAccount  *account,
                     GError              **error)
{
  g_autofree char *database = kz_cli_database_path (cli);

  return kz_sync_account_save (database, account, error);
}

/* Tokens */

static char *
read_first_line (const char  *path,
                 GError     **error)
{
  g_autofree char *contents = NULL;
  char *end;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  if ((end = strpbrk (contents, "\r\n")) != NULL)
    *end = 0;

  return g_steal_pointer (&contents);
}

char *
kz_cli_token_lookup (KzCli               *cli,
                     const KzSyncAccount  *account,
                     GError             **error)
{
  const char *env = g_getenv ("KOMPETENZ_TOKEN");
  g_autoptr(GError) local_error = NULL;
  char *token;

  if (cli->token_file != NULL)
    {
      if (!g_file_test (cli->token_file, G_FILE_TEST_EXISTS))
        return NULL;
      token = read_first_line (cli->token_file, error);
      if (token != NULL && token[0] == 0)
        g_clear_pointer (&token, g_free);
      return token;
    }
  if (env != NULL && env[0] != 0)
    return g_strdup (env);
  if (account->url == NULL || account->user == NULL)
    return NULL;

  if (!(token = kz_sync_secret_lookup (account->url, account->user, NULL, &local_error)) &&
      local_error != NULL)
    g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_IO,
                 _("Could not read the sign-in from the keyring: %s. Without a keyring, "
                   "use --token-file FILE or $KOMPETENZ_TOKEN."), local_error->message);

  return token;
}

static gboolean
write_private_file (const char  *path,
                    const char  *text,
                    GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  gsize len = strlen (text);
  gboolean ok;

  if (fd < 0)
    {
      int errsv = errno;

      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_IO, _("Could not write “%s”: %s"),
                   path, g_strerror (errsv));
      return FALSE;
    }

  /* The file may have existed with wider permissions. */
  ok = fchmod (fd, 0600) == 0 && write (fd, text, len) == (gssize)len && write (fd, "\n", 1) == 1;
  if (!g_close (fd, NULL) || !ok)
    {
      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_IO, _("Could not write “%s”: %s"),
                   path, g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

gboolean
kz_cli_token_store (KzCli               *cli,
                    const KzSyncAccount  *account,
                    const char          *token,
                    GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (cli->token_file != NULL)
    return write_private_file (cli->token_file, token, error);

  if (!kz_sync_secret_store (account->url, account->user, token, NULL, &local_error))
    {
      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_IO,
                   _("Signed in, but the sign-in could not be kept in the keyring: %s. "
                     "Without a keyring, use --token-file FILE."), local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
kz_cli_token_forget (KzCli               *cli,
                     const KzSyncAccount  *account,
                     GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (cli->token_file != NULL)
    {
      if (g_unlink (cli->token_file) != 0 && errno != ENOENT)
        {
          int errsv = errno;

          g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_IO, _("Could not remove “%s”: %s"),
                       cli->token_file, g_strerror (errsv));
          return FALSE;
        }
      return TRUE;
    }
  if (g_getenv ("KOMPETENZ_TOKEN") != NULL || account->url == NULL || account->user == NULL)
    return TRUE;

  if (!kz_sync_secret_clear (account->url, account->user, NULL, &local_error))
    {
      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_IO,
                   _("Could not remove the sign-in from the keyring: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Passwords */

static char *
prompt_password (const char  *user,
                 GError     **error)
{
  char buffer[PASSWORD_MAX + 2] = { 0 };
  struct termios old, quiet;
  FILE *tty = fopen ("/dev/tty", "r+e");
  char *password;
  gboolean read_ok;
  gsize len;

  if (tty == NULL)
    {
      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_USAGE,
                   _("No password: there is no terminal to ask on. "
                     "Use --password-file FILE or $KOMPETENZ_PASSWORD."));
      return NULL;
    }

  /* Translators: %s is the user name */
  fprintf (tty, _("Password for %s: "), user);
  fflush (tty);
  tcgetattr (fileno (tty), &old);
  quiet = old;
  quiet.c_lflag &= ~ECHO;
  tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
  read_ok = fgets (buffer, sizeof buffer, tty) != NULL;
  tcsetattr (fileno (tty), TCSAFLUSH, &old);
  fputc ('\n', tty);
  fclose (tty);

  len = strcspn (buffer, "\r\n");
  buffer[len] = 0;
  if (!read_ok || len == 0)
    {
      g_set_error (error, KZ_CLI_ERROR, KZ_CLI_EXIT_USAGE, _("No password given."));
      return NULL;
    }

  password = g_strdup (buffer);
  explicit_bzero (buffer, sizeof buffer);
  return password;
}

char *
kz_cli_read_password (const char  *password_file,
                      const char  *user,
                      GError     **error)
{
  const char *env = g_getenv ("KOMPETENZ_PASSWORD");

  if (password_file != NULL)
    return read_first_line (password_file, error);
  if (env != NULL && env[0] != 0)
    return g_strdup (env);

  return prompt_password (user, error);
}
