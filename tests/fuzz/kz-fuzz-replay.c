/* kz-fuzz-replay.c
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

#include <stdio.h>
#include <stdlib.h>

#include "kz-fuzz.h"

/* Replays inputs through a harness without libFuzzer: each argument is
 * a file or a folder of files (the seed corpus, which includes every
 * input that once crashed).  A crash or sanitizer finding fails the
 * test; otherwise it prints TAP, one line per input. */

static guint n_inputs;

static void
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      printf ("not ok %u - %s: %s\n", ++n_inputs, path, error->message);
      exit (1);
    }

  LLVMFuzzerTestOneInput ((const uint8_t *)data, length);
  printf ("ok %u - %s (%zu bytes)\n", ++n_inputs, path, length);
  fflush (stdout);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
replay_path (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);   /* stable TAP output */

  for (guint i = 0; i < names->len; i++)
    replay_path (g_ptr_array_index (names, i));
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    replay_path (argv[i]);

  if (n_inputs == 0)
    {
      printf ("1..0 # SKIP no inputs\n");
      return 1;
    }

  printf ("1..%u\n", n_inputs);
  return 0;
}
