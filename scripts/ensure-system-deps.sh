#!/usr/bin/env bash
# Debian packages the tests need: Chromium for Playwright, CJK fonts (Korean, Chinese and
# Japanese names in screenshots and PDFs), the PDFs' fallback fonts (Noto Sans per script for
# Arabic, Hebrew, Thai, Devanagari…; Symbola for emoji), poppler-utils (pdftotext reads PDFs back).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc > /dev/null 2>&1 || missing+=(fonts-noto-cjk)
[ -f /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf ] || missing+=(fonts-noto-core)
[ -f /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf ] || missing+=(fonts-symbola)
command -v pdftotext > /dev/null || missing+=(poppler-utils)
[ -d /usr/share/fonts/truetype/nanum ] || missing+=(fonts-nanum)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get > /dev/null; then
	echo "installing Debian packages: ${missing[*]}"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
else
	echo "Missing system packages: ${missing[*]}"
	echo "Install them with: sudo apt-get install -y ${missing[*]}"
	exit 1
fi
