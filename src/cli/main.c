/* main.c
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

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "kz-cli.h"

/* kompetenz-cli: the portfolio from the command line.  Options before
 * the command apply to every command; each command parses the rest
 * with its own GOptionContext. */

static const KzCliCommand *command_tables[] = {
  kz_cli_record_commands,
  kz_cli_edit_commands,
  kz_cli_file_commands,
  kz_cli_sync_commands,
};

static const KzCliCommand *
find_command (int    argc,
              char **argv,
              int   *n_words)
{
  /* "sync status" before "sync" */
  for (guint t = 0; t < G_N_ELEMENTS (command_tables); t++)
    for (const KzCliCommand *c = command_tables[t]; c->name; c++)
      if (c->sub != NULL && argc > 1 && g_str_equal (c->name, argv[0]) && g_str_equal (c->sub, argv[1]))
        {
          *n_words = 2;
          return c;
        }

  for (guint t = 0; t < G_N_ELEMENTS (command_tables); t++)
    for (const KzCliCommand *c = command_tables[t]; c->name; c++)
      if (c->sub == NULL && g_str_equal (c->name, argv[0]))
        {
          *n_words = 1;
          return c;
        }

  return NULL;
}

static gboolean
is_command_name (const char *name)
{
  for (guint t = 0; t < G_N_ELEMENTS (command_tables); t++)
    for (const KzCliCommand *c = command_tables[t]; c->name; c++)
      if (g_str_equal (c->name, name))
        return TRUE;

  return FALSE;
}

static char *
commands_description (void)
{
  GString *s = g_string_new (_("Commands:\n"));

  for (guint t = 0; t < G_N_ELEMENTS (command_tables); t++)
    for (const KzCliCommand *c = command_tables[t]; c->name; c++)
      {
        g_autofree char *words = g_strdup_printf ("%s%s%s %s", c->name, c->sub ? " " : "",
                                                  c->sub ? c->sub : "",
                                                  c->parameters[0] ? _(c->parameters) : "");

        glong width = g_utf8_strlen (g_strstrip (words), -1);

        g_string_append_printf (s, "  %s%*s %s\n", words, (int)MAX (34 - width, 1), "",
                                _(c->summary));
      }

  g_string_append (s, _("\nRun “kompetenz-cli COMMAND --help” for the options and examples of a "
                        "command, and see kompetenz-cli(1).\n\n"
                        "Exit status: 0 success, 1 refused (validation, unknown names, "
                        "conflicts), 2 wrong usage, 3 file, database or network error."));
  return g_string_free (s, FALSE);
}

static GOptionContext *
main_context (KzCli    *cli,
              gboolean *version)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, version, N_("Print the version and exit"), NULL },
    { NULL }
  };
  g_autofree char *description = commands_description ();
  GOptionContext *context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Work with the Kompetenz portfolio from the command line."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, kz_cli_global_entries (cli), GETTEXT_PACKAGE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  return context;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_printerr ("kompetenz-cli: %s\n", message);
  g_printerr (_("Run “kompetenz-cli --help” for the list of commands.\n"));
  return KZ_CLI_EXIT_USAGE;
}

/* "help list" is "list --help"; "help" alone is "--help". */
static int
run_help (KzCli          *cli,
          GOptionContext *context,
          int             argc,
          char          **argv)
{
  char *help_argv[] = { (char *)"kompetenz-cli", (char *)"--help", NULL };
  g_autofree char *help = NULL;
  const KzCliCommand *command;
  int n_words = 0;

  if (argc < 2)
    {
      help = g_option_context_get_help (context, TRUE, NULL);
      g_print ("%s", help);
      return KZ_CLI_EXIT_OK;
    }
  if (!(command = find_command (argc - 1, argv + 1, &n_words)))
    return -1;

  return command->run (cli, command, 2, help_argv);
}

static int
dispatch (KzCli          *cli,
          GOptionContext *context,
          int             argc,
          char          **argv)
{
  g_autofree char *message = NULL;
  const KzCliCommand *command;
  int n_words = 0;
  int status;

  if (g_str_equal (argv[0], "help"))
    {
      if ((status = run_help (cli, context, argc, argv)) >= 0)
        return status;
      argc--;
      argv++;
    }

  if (!(command = find_command (argc, argv, &n_words)))
    {
      message = is_command_name (argv[0])
                ? g_strdup_printf (_("“%s” needs one of its sub-commands."), argv[0])
                : g_strdup_printf (_("Unknown command “%s”."), argv[0]);
      return usage_error (context, message);
    }

  /* The command sees "kompetenz-cli ARGS…", without its own words. */
  argv[n_words - 1] = (char *)"kompetenz-cli";
  return command->run (cli, command, argc - n_words + 1, argv + n_words - 1);
}

static void
cli_clear (KzCli *cli)
{
  g_clear_object (&cli->store);
  g_clear_pointer (&cli->database, g_free);
  g_clear_pointer (&cli->author, g_free);
  g_clear_pointer (&cli->token_file, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("KOMPETENZ_LOCALEDIR");
  gboolean version = FALSE;
  KzCli cli = { NULL };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("kompetenz-cli");

  context = main_context (&cli, &version);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (version)
    {
      g_print ("kompetenz-cli %s\n", PACKAGE_VERSION);
      return KZ_CLI_EXIT_OK;
    }
  if (argc < 2)
    return usage_error (context, _("No command given."));

  status = dispatch (&cli, context, argc - 1, argv + 1);
  cli_clear (&cli);
  return status;
}
