/* kz-cli-test.c
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

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kz-cli-test.h"
#include "kz-demo.h"

void
kz_cli_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        kz_cli_test_remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

KzCliTest *
kz_cli_test_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  g_autofree char *bus = NULL;
  KzCliTest *self = g_new0 (KzCliTest, 1);

  g_assert_nonnull (g_getenv ("KZ_CLI_BINARY"));
  self->dir = g_dir_make_tmp ("kz-cli-test-XXXXXX", &error);
  g_assert_no_error (error);
  self->database = g_build_filename (self->dir, "portfolio.db", NULL);

  data = g_build_filename (self->dir, "data", NULL);
  config = g_build_filename (self->dir, "config", NULL);
  bus = g_strdup_printf ("unix:path=%s/no-bus", self->dir);
  self->envp = g_get_environ ();
  self->envp = g_environ_setenv (self->envp, "XDG_DATA_HOME", data, TRUE);
  self->envp = g_environ_setenv (self->envp, "XDG_CONFIG_HOME", config, TRUE);
  self->envp = g_environ_setenv (self->envp, "DBUS_SESSION_BUS_ADDRESS", bus, TRUE);
  self->envp = g_environ_setenv (self->envp, "LC_ALL", "C.UTF-8", TRUE);
  self->envp = g_environ_unsetenv (self->envp, "LANGUAGE");
  self->envp = g_environ_unsetenv (self->envp, "KOMPETENZ_AUTHOR");
  self->envp = g_environ_unsetenv (self->envp, "KOMPETENZ_TOKEN");
  self->envp = g_environ_unsetenv (self->envp, "KOMPETENZ_PASSWORD");

  return self;
}

void
kz_cli_test_free (KzCliTest *self)
{
  if (self == NULL)
    return;

  kz_cli_test_remove_tree (self->dir);
  g_free (self->dir);
  g_free (self->database);
  g_strfreev (self->envp);
  g_free (self);
}

void
kz_cli_test_setenv (KzCliTest  *self,
                    const char *name,
                    const char *value)
{
  if (value != NULL)
    self->envp = g_environ_setenv (self->envp, name, value, TRUE);
  else
    self->envp = g_environ_unsetenv (self->envp, name);
}

char *
kz_cli_test_path (KzCliTest  *self,
                  const char *name)
{
  return g_build_filename (self->dir, name, NULL);
}

void
kz_cli_test_make_demo (const char *path,
                       guint       n_projects)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KzStore) store = kz_store_open (path, &error);
  g_autoptr(GDate) today = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);

  g_assert_no_error (error);
  kz_demo_generate (store, n_projects, KZ_DEMO_DEFAULT_SEED, today, NULL, &error);
  g_assert_no_error (error);
}

void
kz_cli_test_use_copy (KzCliTest  *self,
                      const char *from)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (self->database);
  g_autoptr(GError) error = NULL;

  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

KzStore *
kz_cli_test_open_store (KzCliTest *self)
{
  g_autoptr(GError) error = NULL;
  KzStore *store = kz_store_open (self->database, &error);

  g_assert_no_error (error);
  return store;
}

static GSubprocessLauncher *
make_launcher (KzCliTest          *self,
               GSubprocessFlags    flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_environ (launcher, self->envp);
  return launcher;
}

static GPtrArray *
make_argv (KzCliTest          *self,
           const char * const *args)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *)g_getenv ("KZ_CLI_BINARY"));
  g_ptr_array_add (argv, (char *)"--database");
  g_ptr_array_add (argv, self->database);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  return argv;
}

static void
log_command (const char * const *args,
             int                 status,
             const char         *err)
{
  g_autofree char *line = g_strjoinv (" ", (char **)args);

  g_test_message ("kompetenz-cli %s → %d%s%s", line, status,
                  err && *err ? ": " : "", err && *err ? err : "");
}

int
kz_cli_test_runv (KzCliTest          *self,
                  const char         *input,
                  char              **out,
                  char              **err,
                  const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = make_argv (self, args);
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;

  launcher = make_launcher (self, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                  G_SUBPROCESS_FLAGS_STDERR_PIPE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input ? input : "", NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  log_command (args, g_subprocess_get_exit_status (process), stderr_text);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);

  return g_subprocess_get_exit_status (process);
}

static GPtrArray *
collect_args (const char *first_arg,
              va_list     ap)
{
  GPtrArray *args = g_ptr_array_new ();

  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  g_ptr_array_add (args, NULL);

  return args;
}

int
kz_cli_test_run (KzCliTest   *self,
                 const char  *input,
                 char       **out,
                 char       **err,
                 const char  *first_arg,
                 ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, first_arg);
  args = collect_args (first_arg, ap);
  va_end (ap);

  return kz_cli_test_runv (self, input, out, err, (const char * const *)args->pdata);
}

GSubprocess *
kz_cli_test_spawn (KzCliTest          *self,
                   const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = make_argv (self, args);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  launcher = make_launcher (self, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);

  return process;
}

char *
kz_cli_test_check (KzCliTest  *self,
                   int         status,
                   const char *first_arg,
                   ...)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list ap;

  va_start (ap, first_arg);
  args = collect_args (first_arg, ap);
  va_end (ap);

  g_assert_cmpint (kz_cli_test_runv (self, NULL, &out, &err, (const char * const *)args->pdata), ==, status);
  return out;
}

void
kz_cli_test_expect (KzCliTest  *self,
                    int         status,
                    const char *needle,
                    const char *first_arg,
                    ...)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autofree char *err = NULL;
  va_list ap;

  va_start (ap, first_arg);
  args = collect_args (first_arg, ap);
  va_end (ap);

  g_assert_cmpint (kz_cli_test_runv (self, NULL, NULL, &err, (const char * const *)args->pdata), ==, status);
  if (needle != NULL && strstr (err, needle) == NULL)
    g_error ("“%s” not in the error output “%s”", needle, err);
}

JsonNode *
kz_cli_test_parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}
