/* test-renderer.c
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

/* The renderer the app picks before GTK starts, from the environment;
 * each case runs in a subprocess, as it changes the environment. */

#include "config.h"

#include "kz-renderer.h"

static void
test_cairo_skips_gl (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("GSK_RENDERER", "cairo", TRUE);
      g_setenv ("GDK_DEBUG", "events", TRUE);
      kz_renderer_prepare ();
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
      g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "events,gl-disable");
      /* GTK has read it: the programs the app starts get it back. */
      kz_renderer_restore_environment ();
      g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "events");
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_chosen_renderer_kept (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("GSK_RENDERER", "gl", TRUE);
      g_unsetenv ("GDK_DEBUG");
      kz_renderer_prepare ();
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
      g_assert_null (g_getenv ("GDK_DEBUG"));
      kz_renderer_restore_environment ();
      g_assert_null (g_getenv ("GDK_DEBUG"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_default (void)
{
  if (g_test_subprocess ())
    {
      gboolean device = g_file_test ("/dev/dri", G_FILE_TEST_IS_DIR);

      g_unsetenv ("GSK_RENDERER");
      g_unsetenv ("GDK_DEBUG");
      kz_renderer_prepare ();
      /* GTK's choice with a graphics device, cairo without one. */
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, device ? NULL : "cairo");
      g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, device ? NULL : "gl-disable");
      kz_renderer_restore_environment ();
      g_assert_null (g_getenv ("GDK_DEBUG"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renderer/cairo-skips-gl", test_cairo_skips_gl);
  g_test_add_func ("/renderer/chosen-renderer-kept", test_chosen_renderer_kept);
  g_test_add_func ("/renderer/default", test_default);

  return g_test_run ();
}
