dnl config.m4 for the acumulus extension (Acumulus for WHMCS).
dnl
dnl Build out of tree with scripts/build: the repository root also holds the
dnl WHMCS addon in modules/addons/, a directory phpize considers its own.

PHP_ARG_WITH([acumulus],
  [for Acumulus support],
  [AS_HELP_STRING([--with-acumulus],
    [Include the Acumulus bookkeeping connector (needs libcurl, libxml2, OpenSSL)])])

PHP_ARG_ENABLE([acumulus-dev],
  [whether to build acumulus with developer warnings],
  [AS_HELP_STRING([--enable-acumulus-dev],
    [acumulus: compile with -Wall -Wextra -Werror and further warnings])],
  [no],
  [no])

if test "$PHP_ACUMULUS" != "no"; then
  if test -d "$abs_srcdir/modules/addons"; then
    AC_MSG_ERROR([this looks like the repository root; phpize would clobber modules/addons. Build with scripts/build.])
  fi

  AC_MSG_CHECKING([PHP version])
  acumulus_php_vernum=`$PHP_CONFIG --vernum`
  if test -z "$acumulus_php_vernum" || test "$acumulus_php_vernum" -lt 80200; then
    AC_MSG_ERROR([acumulus needs PHP 8.2 or newer (found $acumulus_php_vernum)])
  fi
  AC_MSG_RESULT([$acumulus_php_vernum, ok])

  dnl libcurl: 7.85 is the first with CURLOPT_PROTOCOLS_STR.
  PKG_CHECK_MODULES([CURL], [libcurl >= 7.85.0])
  PHP_EVAL_LIBLINE([$CURL_LIBS], [ACUMULUS_SHARED_LIBADD])
  PHP_EVAL_INCLINE([$CURL_CFLAGS])

  AC_MSG_CHECKING([whether libcurl speaks TLS])
  acumulus_curl_features=`$PKG_CONFIG --variable=supported_features libcurl`
  case " $acumulus_curl_features " in
    *" SSL "*) AC_MSG_RESULT([yes]) ;;
    *) AC_MSG_ERROR([libcurl was built without TLS support; Acumulus is HTTPS only]) ;;
  esac

  PHP_SETUP_LIBXML([ACUMULUS_SHARED_LIBADD])
  PHP_SETUP_OPENSSL([ACUMULUS_SHARED_LIBADD], [],
    [AC_MSG_ERROR([OpenSSL not found: install libssl-dev])])

  dnl Hidden visibility: only get_module is exported (ZEND_DLEXPORT), so calls
  dnl between the extension's own files are direct, not through the PLT.
  ACUMULUS_CFLAGS="-DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -std=gnu11 -fvisibility=hidden"
  if test "$PHP_ACUMULUS_DEV" != "no"; then
    for acumulus_flag in -Wall -Wextra -Werror -Wformat=2 -Wformat-security \
        -Wimplicit-fallthrough -Wstrict-prototypes -Wmissing-prototypes \
        -Wpointer-arith -Wcast-qual -Wvla -Wundef \
        -Werror=implicit-function-declaration -fno-omit-frame-pointer; do
      AX_CHECK_COMPILE_FLAG([$acumulus_flag],
        [ACUMULUS_CFLAGS="$ACUMULUS_CFLAGS $acumulus_flag"], [], [-Werror])
    done
    dnl The Zend function macros (ZEND_METHOD, ZEND_INI_MH, ...) declare
    dnl parameters a body need not use.
    ACUMULUS_CFLAGS="$ACUMULUS_CFLAGS -Wno-unused-parameter"
  fi

  dnl One source per line keeps merges of new files simple.
  acumulus_sources="acumulus.c"
  acumulus_sources="$acumulus_sources exceptions.c"
  acumulus_sources="$acumulus_sources hooks.c"
  acumulus_sources="$acumulus_sources mem_php.c"
  acumulus_sources="$acumulus_sources tags.c"
  acumulus_sources="$acumulus_sources tags_php.c"
  acumulus_sources="$acumulus_sources xml.c"
  acumulus_sources="$acumulus_sources http.c"
  acumulus_sources="$acumulus_sources client_php.c"
  acumulus_sources="$acumulus_sources money.c"
  acumulus_sources="$acumulus_sources vat.c"
  acumulus_sources="$acumulus_sources invoice_map.c"
  acumulus_sources="$acumulus_sources invoice_map_php.c"
  PHP_NEW_EXTENSION([acumulus], [$acumulus_sources], [$ext_shared], , [$ACUMULUS_CFLAGS])
  PHP_ADD_EXTENSION_DEP([acumulus], [libxml])
  PHP_ADD_EXTENSION_DEP([acumulus], [spl])
  PHP_INSTALL_HEADERS([ext/acumulus], [php_acumulus.h])
  PHP_SUBST([ACUMULUS_SHARED_LIBADD])
fi
