# CPack: two Debian packages from one build, one per install component.
#   cd build && cpack -G DEB   ->   natter_VERSION-1_ARCH.deb, natter-server_VERSION-1_ARCH.deb

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME natter)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Natter Developers")
set(CPACK_PACKAGE_CONTACT "Natter Developers <dev@natter.invalid>")
# Each package's synopsis is the first line of its CPACK_DEBIAN_<COMPONENT>_DESCRIPTION. CPackDeb would put
# any summary other than CPack's built-in default in front of it, giving both packages the same synopsis
# twice, so the summary is left at that default.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL app server)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Both programs store history through Qt's SQLite driver, a plugin that dpkg-shlibdeps cannot see;
# the app also loads the platform plugins and the SVG icon engine at run time.
set(CPACK_DEBIAN_APP_PACKAGE_NAME natter)
set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6")
# Qt's own words (Cancel, Yes, No) in the user's language; the app's own translations are built in.
set(CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS "qt6-translations-l10n, fonts-noto-color-emoji")
set(CPACK_DEBIAN_APP_DESCRIPTION "chat on your network without signing up anywhere
Natter lets people on one network, or a small team across the internet,
chat without signing up anywhere: rooms, direct messages, history that
survives restarts, and reconnects that lose nothing.

This package contains the desktop app, which can host a chat on this
computer or join one hosted elsewhere.")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME natter-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_DESCRIPTION "headless server of the Natter chat
Natter lets people on one network, or a small team across the internet,
chat without signing up anywhere: rooms, direct messages, history that
survives restarts, and reconnects that lose nothing.

This package contains natter-server, which serves Natter apps and any
WebSocket client and keeps the history in an SQLite file, with a
hardened systemd service that is not started until it is enabled.")
# Control files of natter-server, named as dpkg wants them: the conffile list and the maintainer scripts.
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    "${CMAKE_CURRENT_LIST_DIR}/debian-server/conffiles"
    "${CMAKE_CURRENT_LIST_DIR}/debian-server/postinst"
    "${CMAKE_CURRENT_LIST_DIR}/debian-server/prerm"
    "${CMAKE_CURRENT_LIST_DIR}/debian-server/postrm")

include(CPack)
