"""Glossary tooltips: first use only, never inside headings, links, code or quizzes."""

from handbook.content.glossary import Term
from handbook.content.procedures import Procedures
from handbook.outputs.tooltips import add_tooltips

TERMS = [Term(term="诉讼时效", definition="请求法院保护民事权利的期间"),
         Term(term="时效", definition="短词不应抢先匹配"),
         Term(term="支付令", definition="督促程序中法院发出的命令 <b>")]


def test_first_occurrence_is_wrapped_once():
    out = add_tooltips("<p>诉讼时效是三年。诉讼时效可以中断。</p>", TERMS, Procedures())
    assert out.count("<abbr") == 1
    assert out.startswith('<p><abbr class="hb-term" title="请求法院保护民事权利的期间" tabindex="0">诉讼时效</abbr>')


def test_headings_links_code_and_quizzes_are_left_alone():
    source = ('<h2 id="诉讼时效">诉讼时效</h2><p><a href="#">支付令</a> <code>诉讼时效</code></p>'
              '<div class="quiz"><div><p>支付令</p></div></div><p>申请支付令。</p>')
    out = add_tooltips(source, TERMS, Procedures())
    assert out.count("<abbr") == 1
    assert out.endswith('<p>申请<abbr class="hb-term" title="督促程序中法院发出的命令 &lt;b&gt;" tabindex="0">支付令</abbr>。</p>')


def test_longest_term_wins():
    out = add_tooltips("<p>诉讼时效</p>", TERMS, Procedures())
    assert ">诉讼时效</abbr>" in out and "短词" not in out
