#!/usr/bin/env python3
"""Makes pdf/northshire-peel.pdf from northshire-peel.txt without PDFBox: a PostScript page per 60 lines
(Helvetica 10 pt re-encoded as ISO Latin 1, a line of the text per line of the page, blank lines
kept as gaps), turned into PDF by Ghostscript: ps2pdf northshire-peel.ps pdf/northshire-peel.pdf.
Characters outside Latin 1 are written as their nearest Latin 1 form (an en dash as '-', a curly
apostrophe as "'"): the PDF then holds what a PDF of the report would, in another producer's hands.
"""
import subprocess
import sys

TEXT = 'northshire-peel.txt'
OUT = 'pdf/northshire-peel.pdf'

lines = open(TEXT, encoding='utf-8').read().split('\n')
latin = {'\u2013': '-', '\u2019': "'", '\u00a0': ' '}


def ps_string(line):
    out = []
    for ch in line:
        ch = latin.get(ch, ch)
        code = ord(ch)
        if ch in '()\\':
            out.append('\\' + ch)
        elif code < 128:
            out.append(ch)
        else:
            out.append('\\%03o' % code)
    return '(' + ''.join(out) + ')'


ps = ['%!PS-Adobe-3.0', '/Helvetica findfont dup length dict begin {1 index /FID ne {def} {pop pop} ifelse} forall',
      '/Encoding ISOLatin1Encoding def currentdict end /Helvetica-Latin1 exch definefont pop']
for page_start in range(0, len(lines), 60):
    ps.append('/Helvetica-Latin1 findfont 10 scalefont setfont')
    y = 780
    for line in lines[page_start:page_start + 60]:
        if line:
            ps.append(f'50 {y} moveto {ps_string(line)} show')
        y -= 12
    ps.append('showpage')
open('northshire-peel.ps', 'w', encoding='latin-1').write('\n'.join(ps) + '\n')
subprocess.run(['ps2pdf', '-dPDFSETTINGS=/default', 'northshire-peel.ps', OUT], check=True)
subprocess.run(['rm', 'northshire-peel.ps'], check=True)
print('wrote', OUT, file=sys.stderr)
