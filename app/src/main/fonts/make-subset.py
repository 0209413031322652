"""Makes app/src/main/resources/fonts/NotoSansSC-Regular-GB2312.ttf, the CJK font of the PDF reports.

Noto Sans CJK SC Regular (OFL 1.1, Debian package fonts-noto-cjk) subset to ASCII, all of GB2312
(6,763 hanzi and its symbols), CJK punctuation, full-width forms and every character the project's
sources use; layout features dropped; CFF outlines converted to TrueType, which PDFBox embeds.
Needs Debian's python3-fonttools. Run from the repository root: /usr/bin/python3 app/src/main/fonts/make-subset.py
"""
import sys, glob, re, os
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

coll = TTCollection('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')
face = None
for i, f in enumerate(coll.fonts):
    name = f['name'].getDebugName(4)
    if name == 'Noto Sans CJK SC': face = i
print('face', face)
chars = set(range(0x20, 0x7f))
for b1 in range(0xA1, 0xF8):
    for b2 in range(0xA1, 0xFF):
        try: chars.add(ord(bytes([b1, b2]).decode('gb2312')))
        except Exception: pass
# every character the project's own sources use
for path in glob.glob('**/*.*', recursive=True):
    if '/target/' in path or '/node_modules/' in path or '/.git/' in path: continue
    if not re.search(r'\.(java|sql|html|js|css|json|yaml|md|bpmn|form|dmn)$', path): continue
    try: chars.update(ord(c) for c in open(path, encoding='utf-8').read() if ord(c) > 0x7f)
    except Exception: pass
chars.update(range(0x3000, 0x3040)); chars.update(range(0xFF00, 0xFF5F)); chars.update([0x2014,0x2026,0x00B7,0x2018,0x2019,0x201C,0x201D,0x00A5,0x2030])
print('chars', len(chars))
opts = subset.Options(); opts.name_IDs=['*']; opts.name_languages=['*']; opts.layout_features=[]; opts.notdef_outline=True; opts.hinting=False
font = TTFont('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', fontNumber=face)
s = subset.Subsetter(opts); s.populate(unicodes=chars); s.subset(font)
# CFF -> TrueType outlines (PDFBox embeds glyf fonts)
glyphOrder = font.getGlyphOrder(); gs = font.getGlyphSet()
glyf = newTable('glyf'); glyf.glyphOrder = glyphOrder; glyf.glyphs = {}
for g in glyphOrder:
    pen = TTGlyphPen(None); gs[g].draw(Cu2QuPen(pen, 1.0, reverse_direction=True)); glyf.glyphs[g] = pen.glyph()
font['glyf'] = glyf; font['loca'] = newTable('loca')
del font['CFF ']
if 'VORG' in font: del font['VORG']
maxp = font['maxp']; maxp.tableVersion = 0x00010000
for a in ('maxZones','maxTwilightPoints','maxStorage','maxFunctionDefs','maxInstructionDefs','maxStackElements','maxSizeOfInstructions','maxComponentElements','maxPoints','maxContours','maxCompositePoints','maxCompositeContours','maxComponentDepth'):
    setattr(maxp, a, 0)
maxp.maxZones = 1
font['head'].indexToLocFormat = 0; font['head'].glyphDataFormat = 0
post = font['post']; post.formatType = 2.0; post.extraNames = []; post.mapping = {}; post.glyphOrder = glyphOrder
font.sfntVersion = '\x00\x01\x00\x00'
font.save('app/src/main/resources/fonts/NotoSansSC-Regular-GB2312.ttf')
