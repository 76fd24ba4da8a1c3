import sys
from flows.stages.segment.lines import split_lines
from flows.stages.segment.grammars import frames
t=open(sys.argv[1]).read()
lines=split_lines(t)
c=frames._counter(lines)
zone=c+1 if c is not None else 0
m=frames._marks(lines,zone,c is not None)
o,cl=frames._roles(lines,zone,c is not None,m)
for k,v in {**o,**cl}.items(): print('open' if k in o else 'close',k,[(p,lines[p].text) for p in v])
