<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Annotations</name>
    <message>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Tags…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <source>Select an event or open a dossier to annotate it.</source>
        <translation>选择一个事件或打开一份档案，即可为其添加批注。</translation>
    </message>
    <message>
        <source>Event: {name}</source>
        <translation>事件：{name}</translation>
    </message>
    <message>
        <source>Organization: {name}</source>
        <translation>机构：{name}</translation>
    </message>
    <message>
        <source>Claim: {name}</source>
        <translation>说法：{name}</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Your name (recorded as the author of your notes):</source>
        <translation>您的姓名（记录为笔记的作者）：</translation>
    </message>
    <message>
        <source>This item has several notes (e.g. both sides of a conflict)</source>
        <translation>此项有多条笔记（例如冲突双方各一条）</translation>
    </message>
    <message>
        <source>Star this note</source>
        <translation>为此笔记加星标</translation>
    </message>
    <message>
        <source>No colour</source>
        <translation>无颜色</translation>
    </message>
    <message>
        <source>tags, comma separated</source>
        <translation>标签，以逗号分隔</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Write a note (Markdown)…</source>
        <translation>撰写笔记（Markdown）…</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择任何项</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Note {n} of {count}: {first}</source>
        <translation>笔记 {n} / {count}：{first}</translation>
    </message>
    <message>
        <source>No note yet</source>
        <translation>尚无笔记</translation>
    </message>
    <message>
        <source>Saved {when} by {author}</source>
        <translation>已于 {when} 由 {author} 保存</translation>
    </message>
    <message>
        <source>Saved {when}</source>
        <translation>已于 {when} 保存</translation>
    </message>
    <message>
        <source>Star note</source>
        <translation>为笔记加星标</translation>
    </message>
    <message>
        <source>Unstar note</source>
        <translation>取消笔记星标</translation>
    </message>
    <message>
        <source>Colour note {colour}</source>
        <translation>将笔记标为{colour}</translation>
    </message>
    <message>
        <source>Tag note {tags}</source>
        <translation>为笔记添加标签 {tags}</translation>
    </message>
    <message>
        <source>Clear tags</source>
        <translation>清除标签</translation>
    </message>
    <message>
        <source>Not deleted: {error}</source>
        <translation>未删除：{error}</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>删除笔记</translation>
    </message>
    <message>
        <source>Unsaved…</source>
        <translation>未保存…</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <source>Note history</source>
        <translation>笔记历史</translation>
    </message>
    <message>
        <source> (deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation>标签：{tags}</translation>
    </message>
    <message>
        <source>Could not restore: {error}</source>
        <translation>无法恢复：{error}</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Any item</source>
        <translation>任意对象</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>说法</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Filter notes…</source>
        <translation>筛选笔记…</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>已加星标</translation>
    </message>
    <message>
        <source>Any colour</source>
        <translation>任意颜色</translation>
    </message>
    <message>
        <source>Selected ▾</source>
        <translation>所选项 ▾</translation>
    </message>
    <message>
        <source>Add tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>加星标</translation>
    </message>
    <message>
        <source>Unstar</source>
        <translation>取消星标</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <source>Rename and merge tags</source>
        <translation>重命名和合并标签</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>{total} note</source>
        <translation>{total} 条笔记</translation>
    </message>
    <message>
        <source>{total} notes</source>
        <translation>{total} 条笔记</translation>
    </message>
    <message>
        <source>{shown} of {total} note</source>
        <translation>{shown} / {total} 条笔记</translation>
    </message>
    <message>
        <source>{shown} of {total} notes</source>
        <translation>{shown} / {total} 条笔记</translation>
    </message>
    <message>
        <source>{target} no longer exists</source>
        <translation>{target} 已不存在</translation>
    </message>
    <message>
        <source>{target} has no event or organization to show</source>
        <translation>{target} 没有可显示的事件或机构</translation>
    </message>
    <message>
        <source>Select notes first</source>
        <translation>请先选择笔记</translation>
    </message>
    <message>
        <source>Tag selected notes</source>
        <translation>为所选笔记添加标签</translation>
    </message>
    <message>
        <source>Add tags (comma separated):</source>
        <translation>添加标签（以逗号分隔）：</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>{count} note changed</source>
        <translation>已修改 {count} 条笔记</translation>
    </message>
    <message>
        <source>{count} notes changed</source>
        <translation>已修改 {count} 条笔记</translation>
    </message>
    <message>
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>New name for {tag}:</source>
        <translation>{tag} 的新名称：</translation>
    </message>
    <message>
        <source>Merge tag</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <source>Merge {tag} into:</source>
        <translation>将 {tag} 合并到：</translation>
    </message>
    <message>
        <source>Star event</source>
        <translation>为事件加星标</translation>
    </message>
    <message>
        <source>Unstar event</source>
        <translation>取消事件星标</translation>
    </message>
    <message>
        <source>Tag event…</source>
        <translation>为事件添加标签…</translation>
    </message>
    <message>
        <source>Star {n} events</source>
        <translation>为 {n} 个事件加星标</translation>
    </message>
    <message>
        <source>Unstar {n} events</source>
        <translation>取消 {n} 个事件的星标</translation>
    </message>
    <message>
        <source>Tag {n} events…</source>
        <translation>为 {n} 个事件添加标签…</translation>
    </message>
    <message>
        <source>Tags to add to {n} event (comma-separated):</source>
        <translation>要添加到 {n} 个事件的标签（以逗号分隔）：</translation>
    </message>
    <message>
        <source>Tags to add to {n} events (comma-separated):</source>
        <translation>要添加到 {n} 个事件的标签（以逗号分隔）：</translation>
    </message>
    <message>
        <source>Tag events</source>
        <translation>为事件添加标签</translation>
    </message>
    <message>
        <source>Could not annotate the events: {error}</source>
        <translation>无法批注这些事件：{error}</translation>
    </message>
    <message>
        <source>{n} note changed</source>
        <translation>已修改 {n} 条笔记</translation>
    </message>
    <message>
        <source>{n} notes changed</source>
        <translation>已修改 {n} 条笔记</translation>
    </message>
    <message>
        <source>on {n} event</source>
        <translation>（涉及 {n} 个事件）</translation>
    </message>
    <message>
        <source>on {n} events</source>
        <translation>（涉及 {n} 个事件）</translation>
    </message>
    <message>
        <source>Annotate events</source>
        <translation>批注事件</translation>
    </message>
    <message>
        <source>Change the notes of {n} selected events?</source>
        <translation>要修改所选 {n} 个事件的笔记吗？</translation>
    </message>
    <message>
        <source>tag {tags}</source>
        <translation>添加标签 {tags}</translation>
    </message>
    <message>
        <source>untag {tags}</source>
        <translation>移除标签 {tags}</translation>
    </message>
    <message>
        <source>star</source>
        <translation>加星标</translation>
    </message>
    <message>
        <source>unstar</source>
        <translation>取消星标</translation>
    </message>
    <message>
        <source>colour {colour}</source>
        <translation>标为{colour}</translation>
    </message>
    <message>
        <source> and </source>
        <translation>并</translation>
    </message>
    <message>
        <source>annotate</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>{what} {n} item</source>
        <translation>{what}（{n} 项）</translation>
    </message>
    <message>
        <source>{what} {n} items</source>
        <translation>{what}（{n} 项）</translation>
    </message>
    <message>
        <source>Rename tag {old} to {new}</source>
        <translation>将标签 {old} 重命名为 {new}</translation>
    </message>
</context>
<context>
    <name>Colours</name>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>灰色</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>d</source>
        <comment>the end of a range of days in one month</comment>
        <translation>d日</translation>
    </message>
    <message>
        <source>{start}–{end}</source>
        <translation>{start}–{end}</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>yyyy</source>
        <translation>yyyy年</translation>
    </message>
    <message>
        <source>early {date}</source>
        <translation>{date}上旬</translation>
    </message>
    <message>
        <source>mid {date}</source>
        <translation>{date}中旬</translation>
    </message>
    <message>
        <source>late {date}</source>
        <translation>{date}下旬</translation>
    </message>
    <message>
        <source>Q1 {date}</source>
        <translation>{date}第一季度</translation>
    </message>
    <message>
        <source>Q2 {date}</source>
        <translation>{date}第二季度</translation>
    </message>
    <message>
        <source>Q3 {date}</source>
        <translation>{date}第三季度</translation>
    </message>
    <message>
        <source>Q4 {date}</source>
        <translation>{date}第四季度</translation>
    </message>
    <message>
        <source>H1 {date}</source>
        <translation>{date}上半年</translation>
    </message>
    <message>
        <source>H2 {date}</source>
        <translation>{date}下半年</translation>
    </message>
    <message>
        <source>c. {date}</source>
        <translation>约{date}</translation>
    </message>
    <message>
        <source>early year {date}</source>
        <translation>{date}初</translation>
    </message>
    <message>
        <source>mid year {date}</source>
        <translation>{date}中</translation>
    </message>
    <message>
        <source>late year {date}</source>
        <translation>{date}末</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>MMM</source>
        <translation>M月</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>M月d日</translation>
    </message>
</context>
<context>
    <name>Dossier</name>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Products and models</source>
        <translation>产品与模型</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>说法</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Relationships</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Part of </source>
        <translation>隶属于 </translation>
    </message>
    <message>
        <source>Not reviewed yet.</source>
        <translation>尚未审阅。</translation>
    </message>
    <message>
        <source> (former)</source>
        <translation>（前任）</translation>
    </message>
    <message>
        <source>claimed</source>
        <translation>声称</translation>
    </message>
    <message>
        <source>✔ verified</source>
        <translation>✔ 已核实</translation>
    </message>
    <message>
        <source>⚠ disputed</source>
        <translation>⚠ 有争议</translation>
    </message>
    <message>
        <source>Organizations: </source>
        <translation>机构：</translation>
    </message>
    <message>
        <source>People: </source>
        <translation>人物：</translation>
    </message>
    <message>
        <source>Products: </source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>⚠ Some of this is disputed: see the sources marked ✗.</source>
        <translation>⚠ 部分内容有争议：请参阅标有 ✗ 的来源。</translation>
    </message>
    <message>
        <source>on </source>
        <translation>关于 </translation>
    </message>
    <message>
        <source>NEW</source>
        <translation>新</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已改</translation>
    </message>
    <message>
        <source>⚠ contested</source>
        <translation>⚠ 有异议</translation>
    </message>
    <message>
        <source>(contradicts the fact)</source>
        <translation>（与该事实相矛盾）</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>open weights</source>
        <translation>开放权重</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>已加星标</translation>
    </message>
    <message>
        <source>closed weights</source>
        <translation>闭源权重</translation>
    </message>
    <message>
        <source>Also known as: {names}</source>
        <translation>又名：{names}</translation>
    </message>
    <message>
        <source>HQ {place}</source>
        <translation>总部 {place}</translation>
    </message>
    <message>
        <source>founded {date}</source>
        <translation>成立于 {date}</translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation>{n} 个事件</translation>
    </message>
    <message>
        <source>{n} products</source>
        <translation>{n} 个产品</translation>
    </message>
    <message>
        <source>{n} claims</source>
        <translation>{n} 条说法</translation>
    </message>
    <message>
        <source>{n} people</source>
        <translation>{n} 位人物</translation>
    </message>
    <message>
        <source>{n} figures</source>
        <translation>{n} 项数据</translation>
    </message>
    <message>
        <source>{n} notes</source>
        <translation>{n} 条笔记</translation>
    </message>
    <message>
        <source>{n} relationships</source>
        <translation>{n} 项关系</translation>
    </message>
    <message>
        <source>⚠ {n} disputed</source>
        <translation>⚠ {n} 条有争议</translation>
    </message>
    <message>
        <source>As known on {date}: later metrics, claims, relationships, products, roles and events are hidden.</source>
        <translation>截至 {date} 的已知情况：此后的数据、说法、关系、产品、职务和事件均已隐藏。</translation>
    </message>
    <message>
        <source>Only facts with a source graded at least {grade}: facts graded lower, or not graded, are left out.</source>
        <translation>仅显示来源评级不低于 {grade} 的事实：评级较低或未评级的事实已略去。</translation>
    </message>
    <message>
        <source>Reviewed {date} UTC; nothing added or edited since.</source>
        <translation>已于 {date}（UTC）审阅；此后没有新增或修改。</translation>
    </message>
    <message>
        <source>Reviewed {date} UTC; since then added or edited: {what}</source>
        <translation>已于 {date}（UTC）审阅；此后新增或修改：{what}</translation>
    </message>
    <message>
        <source>The latest {shown} of {total}; the timeline shows them all.</source>
        <translation>最近的 {shown} 个（共 {total} 个）；时间线上显示全部。</translation>
    </message>
    <message>
        <source>Organizations: {names}</source>
        <translation>机构：{names}</translation>
    </message>
    <message>
        <source>Kinds: {names}</source>
        <translation>类型：{names}</translation>
    </message>
    <message>
        <source>Tags: {names}</source>
        <translation>标签：{names}</translation>
    </message>
    <message>
        <source>Country: {names}</source>
        <translation>国家/地区：{names}</translation>
    </message>
    <message>
        <source>Dates: until {date}</source>
        <translation>日期：至 {date}</translation>
    </message>
    <message>
        <source>Dates: from {date}</source>
        <translation>日期：自 {date} 起</translation>
    </message>
    <message>
        <source>Dates: {date}</source>
        <translation>日期：{date}</translation>
    </message>
    <message>
        <source>Sources graded at least {grade} (ungraded left out)</source>
        <translation>来源评级不低于 {grade}（未评级的略去）</translation>
    </message>
    <message>
        <source>understood: from {start} to {end}</source>
        <translation>理解为：从 {start} 到 {end}</translation>
    </message>
    <message>
        <source>understood: {date}</source>
        <translation>理解为：{date}</translation>
    </message>
    <message>
        <source>, since {date}</source>
        <translation>，自 {date} 起</translation>
    </message>
    <message>
        <source>, until {date}</source>
        <translation>，至 {date}</translation>
    </message>
    <message>
        <source> (since {date})</source>
        <translation>（自 {date} 起）</translation>
    </message>
    <message>
        <source> vs {what}</source>
        <translation> 对比 {what}</translation>
    </message>
    <message>
        <source> (about {what})</source>
        <translation>（关于 {what}）</translation>
    </message>
    <message>
        <source> (for {orgs})</source>
        <translation>（代表 {orgs}）</translation>
    </message>
    <message>
        <source>on {target}: </source>
        <translation>关于 {target}：</translation>
    </message>
    <message>
        <source>Graded {letter} — {label}{why}</source>
        <translation>评级 {letter} — {label}{why}</translation>
    </message>
    <message>
        <source>{what} (events: of the latest {n})</source>
        <translation>{what}（事件：仅查看最近的 {n} 个）</translation>
    </message>
    <message>
        <source>: {why}</source>
        <translation>：{why}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source> (approximate)</source>
        <translation>（约）</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Show the dossier as it was known at a date: &apos;May 2024&apos;, &apos;2024-07-04&apos;, &apos;Q2 2024&apos;. Empty: everything.</source>
        <translation>按某一日期的已知情况显示档案：&apos;2024-05&apos;、&apos;2024-07-04&apos;、&apos;Q2 2024&apos;。留空：显示全部。</translation>
    </message>
    <message>
        <source>Follow timeline</source>
        <translation>跟随时间线</translation>
    </message>
    <message>
        <source>Use the date at the centre of the timeline</source>
        <translation>使用时间线中央的日期</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>标记为已审阅</translation>
    </message>
    <message>
        <source>Remember now as this dossier&apos;s last review; clears the badges</source>
        <translation>将此刻记为本档案的最近审阅时间；清除标记</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Could not remember open dossiers: {error}</source>
        <translation>无法记住已打开的档案：{error}</translation>
    </message>
    <message>
        <source>⚠ contested by a source</source>
        <translation>⚠ 有来源提出异议</translation>
    </message>
    <message>
        <source>Contradicts this:</source>
        <translation>与此相矛盾：</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Released · size · weights</source>
        <translation>发布 · 规模 · 权重</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Export dossier as &amp;Markdown…</source>
        <translation>将档案导出为 Markdown(&amp;M)…</translation>
    </message>
    <message>
        <source>Export dossier as &amp;PDF…</source>
        <translation>将档案导出为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Print dossier…</source>
        <translation>打印档案(&amp;P)…</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <source>Export dossier</source>
        <translation>导出档案</translation>
    </message>
    <message>
        <source>Could not export: {error}</source>
        <translation>无法导出：{error}</translation>
    </message>
    <message>
        <source>Exported the dossier to {path}</source>
        <translation>已将档案导出到 {path}</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>The dossier shown before this one</source>
        <translation>上一个显示的档案</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>The dossier shown after this one</source>
        <translation>下一个显示的档案</translation>
    </message>
    <message>
        <source>This organization no longer exists.</source>
        <translation>此机构已不存在。</translation>
    </message>
    <message>
        <source>Graded ≥ {grade}: {hidden} of {total} facts hidden</source>
        <translation>评级 ≥ {grade}：已隐藏 {hidden} 条事实（共 {total} 条）</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <source>{verb} {kind} “{label}”</source>
        <translation>{verb}{kind}“{label}”</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source> and {n} event</source>
        <translation>及其 {n} 个事件</translation>
    </message>
    <message>
        <source> and {n} events</source>
        <translation>及其 {n} 个事件</translation>
    </message>
    <message>
        <source>New &amp;organization…</source>
        <translation>新建机构(&amp;O)…</translation>
    </message>
    <message>
        <source>New &amp;event…</source>
        <translation>新建事件(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit selected event…</source>
        <translation>编辑所选事件…</translation>
    </message>
    <message>
        <source>Delete selected event</source>
        <translation>删除所选事件</translation>
    </message>
    <message>
        <source>Edit organization…</source>
        <translation>编辑机构…</translation>
    </message>
    <message>
        <source>Delete organization…</source>
        <translation>删除机构…</translation>
    </message>
    <message>
        <source>Edit or delete an item of this organization…</source>
        <translation>编辑或删除此机构的条目…</translation>
    </message>
    <message>
        <source>&amp;Add to this organization</source>
        <translation>添加到此机构(&amp;A)</translation>
    </message>
    <message>
        <source>New {kind}</source>
        <translation>新建{kind}</translation>
    </message>
    <message>
        <source>Edit {kind} “{label}”</source>
        <translation>编辑{kind}“{label}”</translation>
    </message>
    <message>
        <source>Could not delete {kind} “{label}”: {error}</source>
        <translation>无法删除{kind}“{label}”：{error}</translation>
    </message>
    <message>
        <source>Could not delete organization “{label}”: {error}</source>
        <translation>无法删除机构“{label}”：{error}</translation>
    </message>
    <message>
        <source>Delete organization</source>
        <translation>删除机构</translation>
    </message>
    <message>
        <source>Delete “{label}” with its people&apos;s roles there, its claims, metrics, relationships and citations? Its products stay, without an owner.</source>
        <translation>要删除“{label}”及其人物职务、说法、数据、关系和引用吗？其产品将保留，但不再有所属机构。</translation>
    </message>
    <message>
        <source>It is linked to {linked} event; {only} of them involve no other organization. You can undo this with Ctrl+Z.</source>
        <translation>它关联了 {linked} 个事件，其中 {only} 个不涉及其他机构。可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>It is linked to {linked} events; {only} of them involve no other organization. You can undo this with Ctrl+Z.</source>
        <translation>它关联了 {linked} 个事件，其中 {only} 个不涉及其他机构。可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Keep its events</source>
        <translation>保留其事件</translation>
    </message>
    <message>
        <source>Delete its {n} own event</source>
        <translation>删除其独有的 {n} 个事件</translation>
    </message>
    <message>
        <source>Delete its {n} own events</source>
        <translation>删除其独有的 {n} 个事件</translation>
    </message>
    <message>
        <source>e.g. early May 2024, Q2 2024, 9 Jul 2024</source>
        <translation>如 2024-05、Q2 2024、2024-07-09，或 early May 2024</translation>
    </message>
    <message>
        <source>Items of “{name}”</source>
        <translation>“{name}”的条目</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Deleting is undoable (Ctrl+Z).</source>
        <translation>删除可以撤销（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Role here</source>
        <translation>在此机构的职务</translation>
    </message>
    <message>
        <source>Could not undo {step}: {why}</source>
        <translation>无法撤销“{step}”：{why}</translation>
    </message>
    <message>
        <source>Could not redo {step}: {why}</source>
        <translation>无法重做“{step}”：{why}</translation>
    </message>
</context>
<context>
    <name>EventDetails</name>
    <message>
        <source>Click an event on the timeline to see its details.</source>
        <translation>单击时间线上的事件以查看其详情。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>comma-separated: Qwen, 通义千问</source>
        <translation>以逗号分隔：Qwen, 通义千问</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>HQ</source>
        <translation>总部</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>成立</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级机构</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>e.g. early May 2024, or 4–6 Jul 2024</source>
        <translation>如 2024-05、2024-07-04，或 early May 2024</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Era</source>
        <translation>时代</translation>
    </message>
    <message>
        <source>shade as a period on the timeline</source>
        <translation>在时间线上以阴影显示为时期</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>以逗号分隔</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所属机构</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>e.g. 72B</source>
        <translation>如 72B</translation>
    </message>
    <message>
        <source>Open weights</source>
        <translation>开放权重</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>说法</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>提出者</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Measured against</source>
        <translation>对比对象</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>e.g. Qwen downloads</source>
        <translation>如 Qwen downloads</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>a number, e.g. 40000000</source>
        <translation>数字，如 40000000</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>自</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Cites for</source>
        <translation>引用对象</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>page, paragraph, timestamp</source>
        <translation>页码、段落、时间戳</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>立场</translation>
    </message>
    <message>
        <source>supports</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>contradicts</source>
        <translation>反驳</translation>
    </message>
    <message>
        <source>Credibility</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>one line: why this grade</source>
        <translation>一行：评级理由</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布者</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>说法</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>citation</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>Filters</name>
    <message>
        <source>Any country</source>
        <translation>任意国家/地区</translation>
    </message>
    <message>
        <source>Any grade</source>
        <translation>任意评级</translation>
    </message>
    <message>
        <source>Only facts from sources graded at least this on the Admiralty scale: the source&apos;s reliability A (completely reliable) to F (cannot be judged) and the information&apos;s credibility 1 (confirmed) to 6 (cannot be judged). An event passes when one of its supporting citations does; events nobody graded are left out.</source>
        <translation>仅显示来源评级（海军部评级体系）不低于此项的事实：来源可靠性从 A（完全可靠）到 F（无法判断），信息可信度从 1（已证实）到 6（无法判断）。只要事件的一条支持性引用符合即保留；未经任何评级的事件将被略去。</translation>
    </message>
    <message>
        <source>the end of the span is before its start</source>
        <translation>时间段的结束早于开始</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>★ Starred</source>
        <translation>★ 已加星标</translation>
    </message>
    <message>
        <source>Only events with a starred note</source>
        <translation>仅显示笔记已加星标的事件</translation>
    </message>
    <message>
        <source>Only events of organizations based in this country</source>
        <translation>仅显示总部位于此国家/地区的机构的事件</translation>
    </message>
    <message>
        <source>from, e.g. 2023</source>
        <translation>起，如 2023</translation>
    </message>
    <message>
        <source>to, e.g. May 2024</source>
        <translation>止，如 2024-05</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Show every event again</source>
        <translation>重新显示所有事件</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <source>Graded ≥ F6 (graded at all)</source>
        <translation>评级 ≥ F6（凡有评级）</translation>
    </message>
    <message>
        <source>Graded ≥ {grade}</source>
        <translation>评级 ≥ {grade}</translation>
    </message>
    <message>
        <source>A year, a month or a day: 2023, May 2024, 4 Jul 2024</source>
        <translation>年、月或日：2023、2024-05、2024-07-04</translation>
    </message>
    <message>
        <source>Find {what}</source>
        <translation>查找{what}</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>全部取消</translation>
    </message>
    <message>
        <source>C&amp;lear filter</source>
        <translation>清除筛选(&amp;L)</translation>
    </message>
    <message>
        <source>Export timeline &amp;image…</source>
        <translation>导出时间线图像(&amp;I)…</translation>
    </message>
    <message>
        <source>The timeline as shown (filter, range, lanes) as PNG or SVG</source>
        <translation>将当前显示的时间线（筛选、范围、泳道）导出为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>Saved &amp;views</source>
        <translation>已保存的视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Save current view…</source>
        <translation>保存当前视图(&amp;S)…</translation>
    </message>
    <message>
        <source>No saved views</source>
        <translation>没有已保存的视图</translation>
    </message>
    <message>
        <source>&amp;Delete saved view</source>
        <translation>删除已保存的视图(&amp;D)</translation>
    </message>
    <message>
        <source>Export timeline image</source>
        <translation>导出时间线图像</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG (*.svg)</translation>
    </message>
    <message>
        <source>Exported {n} event to {path}</source>
        <translation>已将 {n} 个事件导出到 {path}</translation>
    </message>
    <message>
        <source>Exported {n} events to {path}</source>
        <translation>已将 {n} 个事件导出到 {path}</translation>
    </message>
    <message>
        <source>Save current view</source>
        <translation>保存当前视图</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>视图名称：</translation>
    </message>
    <message>
        <source>Delete saved view</source>
        <translation>删除已保存的视图</translation>
    </message>
    <message>
        <source>{n} event shown</source>
        <translation>显示 {n} 个事件</translation>
    </message>
    <message>
        <source>{n} events shown</source>
        <translation>显示 {n} 个事件</translation>
    </message>
    <message>
        <source>in {n} lane</source>
        <translation>，分布在 {n} 条泳道</translation>
    </message>
    <message>
        <source>in {n} lanes</source>
        <translation>，分布在 {n} 条泳道</translation>
    </message>
</context>
<context>
    <name>Grades</name>
    <message>
        <source>completely reliable</source>
        <translation>完全可靠</translation>
    </message>
    <message>
        <source>usually reliable</source>
        <translation>通常可靠</translation>
    </message>
    <message>
        <source>fairly reliable</source>
        <translation>比较可靠</translation>
    </message>
    <message>
        <source>not usually reliable</source>
        <translation>通常不可靠</translation>
    </message>
    <message>
        <source>unreliable</source>
        <translation>不可靠</translation>
    </message>
    <message>
        <source>reliability cannot be judged</source>
        <translation>可靠性无法判断</translation>
    </message>
    <message>
        <source>confirmed by other sources</source>
        <translation>已获其他来源证实</translation>
    </message>
    <message>
        <source>probably true</source>
        <translation>很可能属实</translation>
    </message>
    <message>
        <source>possibly true</source>
        <translation>可能属实</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>improbable</source>
        <translation>不太可能</translation>
    </message>
    <message>
        <source>truth cannot be judged</source>
        <translation>真实性无法判断</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Event files (*.csv *.tsv *.json *.jsonl *.ndjson);;CSV (*.csv *.tsv);;TimelineJS JSON (*.json);;Timesketch / JSON lines (*.jsonl *.ndjson *.csv);;All files (*)</source>
        <translation>事件文件 (*.csv *.tsv *.json *.jsonl *.ndjson);;CSV (*.csv *.tsv);;TimelineJS JSON (*.json);;Timesketch / JSON Lines (*.jsonl *.ndjson *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import events from CSV, TimelineJS JSON or Timesketch files</source>
        <translation>从 CSV、TimelineJS JSON 或 Timesketch 文件导入事件</translation>
    </message>
    <message>
        <source>Import events</source>
        <translation>导入事件</translation>
    </message>
    <message>
        <source>Imported {new} new and {updated} updated events</source>
        <translation>已导入 {new} 个新事件，更新 {updated} 个事件</translation>
    </message>
    <message>
        <source>JSON lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>导入 {name}</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Why it cannot be imported</source>
        <translation>无法导入的原因</translation>
    </message>
    <message>
        <source>To import</source>
        <translation>待导入</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Import good rows only (partial)</source>
        <translation>仅导入有效行（部分导入）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{n} rows cannot be imported (see Skipped). Nothing will be written unless you tick “Import good rows only”.</source>
        <translation>{n} 行无法导入（见“已跳过”）。除非勾选“仅导入有效行”，否则不会写入任何内容。</translation>
    </message>
    <message>
        <source>Ready to import the {n} good rows.</source>
        <translation>已准备好导入 {n} 个有效行。</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>To import ({n})</source>
        <translation>待导入（{n}）</translation>
    </message>
    <message>
        <source>Skipped ({n})</source>
        <translation>已跳过（{n}）</translation>
    </message>
    <message>
        <source>Import good rows only (partial): leave out the {n} bad rows</source>
        <translation>仅导入有效行（部分导入）：略过 {n} 个无效行</translation>
    </message>
    <message>
        <source>The database is open read-only: nothing can be imported.</source>
        <translation>数据库以只读方式打开：无法导入任何内容。</translation>
    </message>
    <message>
        <source>Ready to import.</source>
        <translation>已准备好导入。</translation>
    </message>
    <message>
        <source>This file cannot be imported as it is: {error}</source>
        <translation>此文件无法按原样导入：{error}</translation>
    </message>
    <message>
        <source>Choose the columns to read as the title and the start date.</source>
        <translation>请选择作为标题和开始日期读取的列。</translation>
    </message>
    <message>
        <source>{format}: {total} rows read; {valid} can be imported</source>
        <translation>{format}：已读取 {total} 行；{valid} 行可导入</translation>
    </message>
    <message>
        <source> ({new} new, {updated} updated, {unchanged} unchanged)</source>
        <translation>（新增 {new}，更新 {updated}，未变 {unchanged}）</translation>
    </message>
    <message>
        <source>; {n} duplicate rows dropped</source>
        <translation>；已丢弃 {n} 个重复行</translation>
    </message>
    <message>
        <source>; {n} will be skipped.</source>
        <translation>；将跳过 {n} 行。</translation>
    </message>
    <message>
        <source>New organizations: {names} and {n} more</source>
        <translation>新机构：{names} 等另外 {n} 个</translation>
    </message>
    <message>
        <source>New organizations: {names}</source>
        <translation>新机构：{names}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported: {new} new, {updated} updated, {unchanged} unchanged</source>
        <translation>已导入：新增 {new}，更新 {updated}，未变 {unchanged}</translation>
    </message>
    <message>
        <source>; {n} rows left out</source>
        <translation>；略过 {n} 行</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Every row read; saving the database…</source>
        <translation>所有行已读完；正在保存数据库…</translation>
    </message>
    <message>
        <source>{done} rows</source>
        <translation>{done} 行</translation>
    </message>
    <message>
        <source>{done} of {total} rows</source>
        <translation>{done} / {total} 行</translation>
    </message>
    <message>
        <source>Import failed; nothing was written: {error}</source>
        <translation>导入失败，未写入任何内容：{error}</translation>
    </message>
    <message>
        <source>Reading the file was cancelled.</source>
        <translation>已取消读取文件。</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>已取消导入，未写入任何内容。</translation>
    </message>
    <message>
        <source>keep in summary (extra)</source>
        <translation>保留在摘要中（附加）</translation>
    </message>
    <message>
        <source>leave out</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>organizations (; between)</source>
        <translation>机构（以 ; 分隔）</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>key (stable id)</source>
        <translation>键（稳定标识）</translation>
    </message>
    <message>
        <source>era (yes/no)</source>
        <translation>时代（是/否）</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>读取为</translation>
    </message>
    <message>
        <source>{n} rows: new and updated are counted when importing</source>
        <translation>{n} 行：新增和更新的数量将在导入时统计</translation>
    </message>
    <message>
        <source>counts not checked against the database: {error}</source>
        <translation>未能与数据库核对数量：{error}</translation>
    </message>
    <message>
        <source>Indexing for search: {n} %</source>
        <translation>正在建立搜索索引：{n}%</translation>
    </message>
    <message>
        <source>Search index not finished: {error}</source>
        <translation>搜索索引未完成：{error}</translation>
    </message>
    <message>
        <source>Search index complete</source>
        <translation>搜索索引已完成</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Next &amp;pane</source>
        <translation>下一个窗格(&amp;P)</translation>
    </message>
    <message>
        <source>Pre&amp;vious pane</source>
        <translation>上一个窗格(&amp;V)</translation>
    </message>
    <message>
        <source>Next dossier &amp;tab</source>
        <translation>下一个档案标签页(&amp;T)</translation>
    </message>
    <message>
        <source>Previous dossier t&amp;ab</source>
        <translation>上一个档案标签页(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit the note of the selection</source>
        <translation>编辑所选项的笔记(&amp;E)</translation>
    </message>
    <message>
        <source>No note to edit (read-only)</source>
        <translation>没有可编辑的笔记（只读）</translation>
    </message>
    <message>
        <source>No note to edit (select an event first)</source>
        <translation>没有可编辑的笔记（请先选择一个事件）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit all</source>
        <translation>显示全部(&amp;F)</translation>
    </message>
    <message>
        <source>Involves {names}</source>
        <translation>涉及：{names}</translation>
    </message>
    <message>
        <source>{n} event</source>
        <translation>{n} 个事件</translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation>{n} 个事件</translation>
    </message>
    <message>
        <source>{n} organization</source>
        <translation>{n} 个机构</translation>
    </message>
    <message>
        <source>{n} organizations</source>
        <translation>{n} 个机构</translation>
    </message>
    <message>
        <source>{n} note</source>
        <translation>{n} 条笔记</translation>
    </message>
    <message>
        <source>{n} notes</source>
        <translation>{n} 条笔记</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Note NOT saved</source>
        <translation>笔记未保存！</translation>
    </message>
    <message>
        <source>Note unsaved…</source>
        <translation>笔记尚未保存…</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>所有更改已保存</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>image: {alt}</source>
        <translation>图片：{alt}</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>This link cannot be opened:
{url}</source>
        <translation>无法打开此链接：
{url}</translation>
    </message>
    <message>
        <source>Open link?</source>
        <translation>打开链接？</translation>
    </message>
    <message>
        <source>Open this address in your browser?

{url}</source>
        <translation>要在浏览器中打开此地址吗？

{url}</translation>
    </message>
</context>
<context>
    <name>OrgList</name>
    <message>
        <source>{name}
{kind}, {n} event</source>
        <translation>{name}
{kind}，{n} 个事件</translation>
    </message>
    <message>
        <source>{name}
{kind}, {n} events</source>
        <translation>{name}
{kind}，{n} 个事件</translation>
    </message>
    <message>
        <source>Filter organizations</source>
        <translation>筛选机构</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Hide the results (Esc in the search box)</source>
        <translation>隐藏结果（在搜索框中按 Esc）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search events, organizations, people… (Ctrl+F)</source>
        <translation>搜索事件、机构、人物…（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quick open…</source>
        <translation>快速打开(&amp;Q)…</translation>
    </message>
    <message>
        <source>Search &amp;results</source>
        <translation>搜索结果(&amp;R)</translation>
    </message>
    <message>
        <source>“{name}” leads nowhere to open</source>
        <translation>“{name}”没有可打开的目标</translation>
    </message>
    <message>
        <source>Opened {target} for “{name}”</source>
        <translation>已为“{name}”打开 {target}</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配结果</translation>
    </message>
    <message>
        <source>Quick open</source>
        <translation>快速打开</translation>
    </message>
    <message>
        <source>Go to an organization, event, person, claim, source…</source>
        <translation>转到机构、事件、人物、说法、来源…</translation>
    </message>
    <message>
        <source>↑↓ to move · Enter to open · Esc to close</source>
        <translation>↑↓ 移动 · Enter 打开 · Esc 关闭</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>说法</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
    <message>
        <source>{shown} of about {total}</source>
        <translation>{shown} / 约 {total}</translation>
    </message>
    <message>
        <source>{total} result for “{query}”</source>
        <translation>“{query}”的结果：{total} 条</translation>
    </message>
    <message>
        <source>{total} results for “{query}”</source>
        <translation>“{query}”的结果：{total} 条</translation>
    </message>
    <message>
        <source>{shown} of {total} results for “{query}”</source>
        <translation>“{query}”的结果：{shown} / {total} 条</translation>
    </message>
    <message>
        <source>{shown} of about {total} results for “{query}”</source>
        <translation>“{query}”的结果：{shown} / 约 {total} 条</translation>
    </message>
    <message>
        <source>Show {n} more {group}…</source>
        <translation>再显示 {n} 条{group}…</translation>
    </message>
    <message>
        <source>Type to search events, organizations, people, products, claims, sources and notes.</source>
        <translation>输入以搜索事件、机构、人物、产品、说法、来源和笔记。</translation>
    </message>
    <message>
        <source>Search failed: {error}</source>
        <translation>搜索失败：{error}</translation>
    </message>
    <message>
        <source>No matches for “{query}”. Try fewer or other words; names work in English or Chinese.</source>
        <translation>没有与“{query}”匹配的结果。请减少关键词或换用其他词语；名称可用英文或中文搜索。</translation>
    </message>
    <message>
        <source>{n} % indexed: the latest import&apos;s events are being indexed</source>
        <translation>已索引 {n}%：正在为最近导入的事件建立索引</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Save a &amp;copy / Backup…</source>
        <translation>另存副本 / 备份(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>(in memory)</source>
        <translation>（内存中）</translation>
    </message>
    <message>
        <source>Dossier — {name} (read-only)</source>
        <translation>Dossier — {name}（只读）</translation>
    </message>
    <message>
        <source>Dossier — {name}</source>
        <translation>Dossier — {name}</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>{path} is the open database.</source>
        <translation>{path} 是当前打开的数据库。</translation>
    </message>
    <message>
        <source>Save a copy of the database</source>
        <translation>另存数据库副本</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>Saved a copy to {path}</source>
        <translation>已将副本保存到 {path}</translation>
    </message>
    <message>
        <source>Dossier databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Dossier 数据库 (*.db *.sqlite *.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a Dossier database</source>
        <translation>打开 Dossier 数据库</translation>
    </message>
    <message>
        <source>Start the new database from the seed dossier, or empty?</source>
        <translation>新数据库从示例档案开始，还是留空？</translation>
    </message>
    <message>
        <source>The seed dossier holds the organizations, events and sources that ship with Dossier.</source>
        <translation>示例档案包含 Dossier 自带的机构、事件和来源。</translation>
    </message>
    <message>
        <source>From the seed dossier</source>
        <translation>使用示例档案</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>空数据库</translation>
    </message>
    <message>
        <source>Dossier — {title}</source>
        <translation>Dossier — {title}</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>{name} (missing)</source>
        <translation>{name}（已丢失）</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>Remove &amp;missing files</source>
        <translation>移除已丢失的文件(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>Schema version: {version} (read-only)</source>
        <translation>架构版本：{version}（只读）</translation>
    </message>
    <message>
        <source>Schema version: {version}</source>
        <translation>架构版本：{version}</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>About Dossier</source>
        <translation>关于 Dossier</translation>
    </message>
    <message>
        <source>Dossier: a zoomable timeline of events beside per-organization dossiers, in one SQLite file.</source>
        <translation>Dossier：可缩放的事件时间线与各机构档案并列，全部保存在一个 SQLite 文件中。</translation>
    </message>
    <message>
        <source>This database has no events yet.

Import a CSV, TimelineJS or Timesketch file, or start from the seed dossier with File ▸ New database…</source>
        <translation>此数据库还没有事件。

请导入 CSV、TimelineJS 或 Timesketch 文件，或通过 文件 ▸ 新建数据库… 从示例档案开始。</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Dossier</source>
        <translation>关于 Dossier(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>已被打开</translation>
    </message>
    <message>
        <source>Made by a newer Dossier</source>
        <translation>由较新版本的 Dossier 创建</translation>
    </message>
    <message>
        <source>Damaged database</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>Not a Dossier database</source>
        <translation>不是 Dossier 数据库</translation>
    </message>
    <message>
        <source>Changed outside Dossier</source>
        <translation>已在 Dossier 之外被修改</translation>
    </message>
    <message>
        <source>Cannot write to this file</source>
        <translation>无法写入此文件</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <source>Damaged database: opened read-only</source>
        <translation>数据库已损坏：以只读方式打开</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>{path} is damaged{why}, so it was opened read-only: you can read and export, but nothing can be changed. Restore a backup, or run &apos;dossier check&apos; on it.</source>
        <translation>{path} 已损坏{why}，因此以只读方式打开：可以阅读和导出，但不能做任何修改。请恢复备份，或对其运行 &apos;dossier check&apos;。</translation>
    </message>
    <message>
        <source>The file was not changed.</source>
        <translation>文件未被改动。</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit all events</source>
        <translation>显示全部事件</translation>
    </message>
    <message>
        <source>Pan to earlier</source>
        <translation>向更早平移</translation>
    </message>
    <message>
        <source>Pan to later</source>
        <translation>向更晚平移</translation>
    </message>
    <message>
        <source>Nearest event in the lane above (no selection: scroll lanes up)</source>
        <translation>上方泳道中最近的事件（无选中项时：向上滚动泳道）</translation>
    </message>
    <message>
        <source>Nearest event in the lane below (no selection: scroll lanes down)</source>
        <translation>下方泳道中最近的事件（无选中项时：向下滚动泳道）</translation>
    </message>
    <message>
        <source>Open the dossiers of the selected event&apos;s organizations</source>
        <translation>打开所选事件相关机构的档案</translation>
    </message>
    <message>
        <source>Scroll lanes up a page</source>
        <translation>泳道向上滚动一页</translation>
    </message>
    <message>
        <source>Scroll lanes down a page</source>
        <translation>泳道向下滚动一页</translation>
    </message>
    <message>
        <source>Next event</source>
        <translation>下一个事件</translation>
    </message>
    <message>
        <source>Previous event</source>
        <translation>上一个事件</translation>
    </message>
    <message>
        <source>Zoom to the selected event</source>
        <translation>缩放到所选事件</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>清除选择</translation>
    </message>
    <message>
        <source>Open the selected event</source>
        <translation>打开所选事件</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Select the visible events</source>
        <translation>选择可见的事件</translation>
    </message>
    <message>
        <source>Add or remove an event from the selection</source>
        <translation>将事件加入选择或从中移除</translation>
    </message>
    <message>
        <source>Ctrl+Click</source>
        <translation>Ctrl+单击</translation>
    </message>
    <message>
        <source>Select with a rubber band</source>
        <translation>框选</translation>
    </message>
    <message>
        <source>Shift+Drag</source>
        <translation>Shift+拖动</translation>
    </message>
    <message>
        <source>Star, tag or colour the selection; edit; open a dossier</source>
        <translation>为所选项加星标、标签或颜色；编辑；打开档案</translation>
    </message>
    <message>
        <source>Right-click</source>
        <translation>右键单击</translation>
    </message>
    <message>
        <source>Edit the event</source>
        <translation>编辑事件</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>双击</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>任意位置</translation>
    </message>
    <message>
        <source>Next / previous control (pane after pane, in the order of F6)</source>
        <translation>下一个 / 上一个控件（按 F6 的窗格顺序逐个窗格）</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Open the dossier of the highlighted organization</source>
        <translation>打开高亮机构的档案</translation>
    </message>
    <message>
        <source>The right-click menu of the selection (star, tag, colour, edit, open)</source>
        <translation>所选项的右键菜单（星标、标签、颜色、编辑、打开）</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单键</translation>
    </message>
    <message>
        <source>Dossier, event details</source>
        <translation>档案、事件详情</translation>
    </message>
    <message>
        <source>Next / previous link; Enter follows it</source>
        <translation>下一个 / 上一个链接；按 Enter 打开</translation>
    </message>
    <message>
        <source>Note editor</source>
        <translation>笔记编辑器</translation>
    </message>
    <message>
        <source>Leave the note (it is saved) and go back where you were</source>
        <translation>离开笔记（会自动保存）并回到原来的位置</translation>
    </message>
    <message>
        <source>Search box</source>
        <translation>搜索框</translation>
    </message>
    <message>
        <source>Step through the results; open one; close them</source>
        <translation>逐条浏览结果；打开其中一条；关闭结果</translation>
    </message>
    <message>
        <source>Up, Down, Enter, Esc</source>
        <translation>上、下、Enter、Esc</translation>
    </message>
    <message>
        <source>Timeline action</source>
        <translation>时间线操作</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>the disk is full; nothing was written</source>
        <translation>磁盘已满；什么也没有写入</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>out of memory; nothing was written</source>
        <translation>内存不足；什么也没有写入</translation>
    </message>
    <message>
        <source>{path} is locked by another program; close it there and try again</source>
        <translation>{path} 被另一个程序锁定；请在那里关闭它后再试</translation>
    </message>
    <message>
        <source>{path} cannot be written (read-only file or folder)</source>
        <translation>{path} 无法写入（文件或文件夹是只读的）</translation>
    </message>
    <message>
        <source>{path} is not an SQLite database</source>
        <translation>{path} 不是 SQLite 数据库</translation>
    </message>
    <message>
        <source>{path} is not an SQLite database; nothing was changed</source>
        <translation>{path} 不是 SQLite 数据库；未做任何更改</translation>
    </message>
    <message>
        <source>{path} is empty; nothing was changed</source>
        <translation>{path} 是空文件；未做任何更改</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason}); restore a backup or run &apos;dossier check&apos;</source>
        <translation>{path} 已损坏（{reason}）；请恢复备份，或运行 &apos;dossier check&apos;</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason}); nothing was written: it can only be opened read-only; restore a backup, or see &apos;dossier check&apos;</source>
        <translation>{path} 已损坏（{reason}）；什么也没有写入：它只能以只读方式打开；请恢复备份，或参看 &apos;dossier check&apos;</translation>
    </message>
    <message>
        <source>the database is damaged ({reason}); run &apos;dossier check&apos; or restore a backup</source>
        <translation>数据库已损坏（{reason}）；请运行 &apos;dossier check&apos; 或恢复备份</translation>
    </message>
    <message>
        <source>the database refused: {reason}</source>
        <translation>数据库拒绝了操作：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a file</source>
        <translation>{path} 不是文件</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} 不存在</translation>
    </message>
    <message>
        <source>{path} is open read-only</source>
        <translation>{path} 以只读方式打开</translation>
    </message>
    <message>
        <source>{path} cannot be read (permission denied)</source>
        <translation>{path} 无法读取（没有权限）</translation>
    </message>
    <message>
        <source>{path} cannot be read ({reason})</source>
        <translation>{path} 无法读取（{reason}）</translation>
    </message>
    <message>
        <source>cannot create {path}: the folder is not writable</source>
        <translation>无法创建 {path}：文件夹不可写</translation>
    </message>
    <message>
        <source>{path} is read-only; open it with --read-only to browse without changes</source>
        <translation>{path} 是只读的；请以只读方式打开，只浏览不更改</translation>
    </message>
    <message>
        <source>{path} is not as Dossier made it, so nothing was opened or changed ({problems}); drop what Dossier did not create (with sqlite3 or sqlite-utils) or restore a backup</source>
        <translation>{path} 已不是 Dossier 创建时的样子，因此没有打开，也没有更改（{problems}）；请（用 sqlite3 或 sqlite-utils）删除不是 Dossier 创建的内容，或恢复备份</translation>
    </message>
    <message>
        <source>not created by Dossier: {names}</source>
        <translation>不是 Dossier 创建的：{names}</translation>
    </message>
    <message>
        <source>changed outside Dossier: {names}</source>
        <translation>在 Dossier 之外被更改：{names}</translation>
    </message>
    <message>
        <source>missing: {names}</source>
        <translation>缺少：{names}</translation>
    </message>
    <message>
        <source>damaged: {reason}</source>
        <translation>已损坏：{reason}</translation>
    </message>
    <message>
        <source>its header gives an impossible page size ({n})</source>
        <translation>其文件头给出的页大小不可能（{n}）</translation>
    </message>
    <message>
        <source>its size ({size} bytes) is not a whole number of {n}-byte pages</source>
        <translation>其大小（{size} 字节）不是 {n} 字节页的整数倍</translation>
    </message>
    <message>
        <source>it is cut short: {n} of its {total} pages are there</source>
        <translation>文件不完整：{total} 页中只有 {n} 页</translation>
    </message>
    <message>
        <source>{path} has an older schema (version {version}) that must be upgraded before it can be read, which opening it read-only does not allow; open it once for writing (e.g. &apos;dossier PATH&apos;)</source>
        <translation>{path} 的数据结构较旧（版本 {version}），须先升级才能读取，而只读打开不允许升级；请以可写方式打开一次（例如 &apos;dossier PATH&apos;）</translation>
    </message>
    <message>
        <source>{path} was written by a newer Dossier (schema {version}; this version knows up to {known}); update Dossier to open it</source>
        <translation>{path} 由更新版本的 Dossier 写入（数据结构 {version}；本版本最高只认识 {known}）；请更新 Dossier 后再打开</translation>
    </message>
    <message>
        <source>{path} records schema changes this Dossier does not know ({names}); update Dossier to open it</source>
        <translation>{path} 记录了本版 Dossier 不认识的数据结构变更（{names}）；请更新 Dossier 后再打开</translation>
    </message>
    <message>
        <source>{path} is an empty SQLite database, not a Dossier database; nothing was changed (make one with &apos;dossier init&apos;)</source>
        <translation>{path} 是空的 SQLite 数据库，不是 Dossier 数据库；未做任何更改（可用 &apos;dossier init&apos; 创建一个）</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a Dossier database; nothing was changed</source>
        <translation>{path} 是 SQLite 数据库，但不是 Dossier 数据库；未做任何更改</translation>
    </message>
    <message>
        <source>{path} is already open in another Dossier window (pid {pid}); switch to that window or close it first</source>
        <translation>{path} 已在另一个 Dossier 窗口中打开（进程 {pid}）；请切换到那个窗口，或先关闭它</translation>
    </message>
    <message>
        <source>{path} is already open in another Dossier window; switch to that window or close it first</source>
        <translation>{path} 已在另一个 Dossier 窗口中打开；请切换到那个窗口，或先关闭它</translation>
    </message>
    <message>
        <source>{path} is open in a Dossier window (pid {pid}); close it before replacing the file</source>
        <translation>{path} 正在一个 Dossier 窗口中打开（进程 {pid}）；替换该文件前请先关闭它</translation>
    </message>
    <message>
        <source>{path} is open in a Dossier window; close it before replacing the file</source>
        <translation>{path} 正在一个 Dossier 窗口中打开；替换该文件前请先关闭它</translation>
    </message>
    <message>
        <source>{path} is open in another program or a Dossier command is using it; try again when it has finished</source>
        <translation>{path} 正在另一个程序中打开，或有 Dossier 命令正在使用它；请等它结束后再试</translation>
    </message>
    <message>
        <source>the lock folder {folder} is a symbolic link; not used</source>
        <translation>锁文件夹 {folder} 是符号链接；未使用</translation>
    </message>
    <message>
        <source>the lock folder {folder} is not a folder</source>
        <translation>锁文件夹 {folder} 不是文件夹</translation>
    </message>
    <message>
        <source>the lock folder {folder} belongs to another user; not used</source>
        <translation>锁文件夹 {folder} 属于另一个用户；未使用</translation>
    </message>
    <message>
        <source>the lock folder {folder} can be written by other users; not used (make it private: chmod 700 {folder})</source>
        <translation>锁文件夹 {folder} 可被其他用户写入；未使用（请设为私有：chmod 700 {folder}）</translation>
    </message>
    <message>
        <source>the lock file {path} is not a private file; not used</source>
        <translation>锁文件 {path} 不是私有文件；未使用</translation>
    </message>
    <message>
        <source>the lock file {path} is a symbolic link; not used</source>
        <translation>锁文件 {path} 是符号链接；未使用</translation>
    </message>
    <message>
        <source>cannot make the lock folder {folder}: {reason}</source>
        <translation>无法创建锁文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <source>cannot use the lock folder {folder}: {reason}</source>
        <translation>无法使用锁文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <source>cannot open the lock file {path}: {reason}</source>
        <translation>无法打开锁文件 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} already exists</source>
        <translation>{path} 已存在</translation>
    </message>
    <message>
        <source>could not create {path}: {reason}</source>
        <translation>无法创建 {path}：{reason}</translation>
    </message>
    <message>
        <source>could not write {path}: {reason}; nothing was written</source>
        <translation>无法写入 {path}：{reason}；什么也没有写入</translation>
    </message>
    <message>
        <source>could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <source>the copy did not pass its integrity check ({reason})</source>
        <translation>副本未通过完整性检查（{reason}）</translation>
    </message>
    <message>
        <source>{path} is not a file name</source>
        <translation>{path} 不是文件名</translation>
    </message>
    <message>
        <source>{path} is the database itself (the open database); choose another file</source>
        <translation>{path} 就是数据库本身（当前打开的数据库）；请另选一个文件</translation>
    </message>
    <message>
        <source>{path} is part of the open database {db}; choose another file</source>
        <translation>{path} 是当前打开的数据库 {db} 的一部分；请另选一个文件</translation>
    </message>
    <message>
        <source>cannot write {path}: {folder} is not a folder</source>
        <translation>无法写入 {path}：{folder} 不是文件夹</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder is not a folder</source>
        <translation>无法写入 {path}：所在位置不是文件夹</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder does not exist</source>
        <translation>无法写入 {path}：文件夹不存在</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder is not writable</source>
        <translation>无法写入 {path}：文件夹不可写</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is a symbolic link; name the real file</source>
        <translation>{path} 是符号链接；请指定实际的文件</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name</source>
        <translation>{path} 是文件夹；请给出文件名</translation>
    </message>
    <message>
        <source>{path} is a device, not a file</source>
        <translation>{path} 是设备，不是文件</translation>
    </message>
    <message>
        <source>{path} is a pipe (FIFO), not a file</source>
        <translation>{path} 是管道（FIFO），不是文件</translation>
    </message>
    <message>
        <source>{path} is a socket, not a file</source>
        <translation>{path} 是套接字，不是文件</translation>
    </message>
    <message>
        <source>{path} is not a regular file</source>
        <translation>{path} 不是普通文件</translation>
    </message>
    <message>
        <source>{path} is a SQLite database; an export never replaces one</source>
        <translation>{path} 是 SQLite 数据库；导出从不覆盖数据库</translation>
    </message>
    <message>
        <source>{path} is under {folder}, a system folder; not written</source>
        <translation>{path} 位于系统文件夹 {folder} 下；未写入</translation>
    </message>
    <message>
        <source>{path} belongs to the database {db}; choose another file</source>
        <translation>{path} 属于数据库 {db}；请另选一个文件</translation>
    </message>
    <message>
        <source>{path} is in the cache folder of the database {db}</source>
        <translation>{path} 位于数据库 {db} 的缓存文件夹中</translation>
    </message>
    <message>
        <source>the input is nested too deeply to be read</source>
        <translation>输入嵌套过深，无法读取</translation>
    </message>
    <message>
        <source>a number or date in the input is out of range ({reason})</source>
        <translation>输入中的数字或日期超出范围（{reason}）</translation>
    </message>
    <message>
        <source>the input is not UTF-8 text (byte {byte} at offset {offset})</source>
        <translation>输入不是 UTF-8 文本（偏移 {offset} 处的字节 {byte}）</translation>
    </message>
    <message>
        <source>the text cannot be encoded or decoded ({reason})</source>
        <translation>文本无法编码或解码（{reason}）</translation>
    </message>
    <message>
        <source>{kind} {field}: {reason}</source>
        <translation>{kind}的{field}：{reason}</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>must be one of {choices}</source>
        <translation>必须是以下之一：{choices}</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>{value} 不是数字</translation>
    </message>
    <message>
        <source>{value} is not an id</source>
        <translation>{value} 不是编号</translation>
    </message>
    <message>
        <source>no {kind} with id {id}</source>
        <translation>没有编号为 {id} 的{kind}</translation>
    </message>
    <message>
        <source>give the {kind} this reason explains</source>
        <translation>请给出这条理由所解释的{kind}</translation>
    </message>
    <message>
        <source>is before the start</source>
        <translation>早于开始日期</translation>
    </message>
    <message>
        <source>is an organization or a person, not both</source>
        <translation>是机构或个人，不能两者都是</translation>
    </message>
    <message>
        <source>a claim has one subject</source>
        <translation>一条说法只有一个对象</translation>
    </message>
    <message>
        <source>give an organization or a product</source>
        <translation>请给出一个机构或一个产品</translation>
    </message>
    <message>
        <source>must be another organization</source>
        <translation>必须是另一个机构</translation>
    </message>
    <message>
        <source>an organization cannot be its own parent</source>
        <translation>机构不能是自己的上级</translation>
    </message>
    <message>
        <source>this person already has that title there</source>
        <translation>此人在该机构已有这一职务</translation>
    </message>
    <message>
        <source>events policy must be one of {choices}</source>
        <translation>事件的处理方式必须是以下之一：{choices}</translation>
    </message>
    <message>
        <source>cannot edit a {kind}</source>
        <translation>无法编辑 {kind}</translation>
    </message>
    <message>
        <source>cannot restore {kind} {what}: {reason}</source>
        <translation>无法恢复{kind} {what}：{reason}</translation>
    </message>
    <message>
        <source>unknown colour {colour}; choose from {choices}</source>
        <translation>未知颜色 {colour}；请从以下选择：{choices}</translation>
    </message>
    <message>
        <source>annotation target must be event:KEY, org:KEY or claim:KEY, not {target}</source>
        <translation>批注对象必须是 event:KEY、org:KEY 或 claim:KEY，而不是 {target}</translation>
    </message>
    <message>
        <source>no {kind} with key {key} (target {target})</source>
        <translation>没有键为 {key} 的{kind}（对象 {target}）</translation>
    </message>
    <message>
        <source>no annotation {uuid}</source>
        <translation>没有批注 {uuid}</translation>
    </message>
    <message>
        <source>an annotation&apos;s body must be text</source>
        <translation>批注的正文必须是文本</translation>
    </message>
    <message>
        <source>rename_tag needs two non-empty tags</source>
        <translation>重命名标签需要两个非空标签</translation>
    </message>
    <message>
        <source>a tag must be text, not {tag}</source>
        <translation>标签必须是文本，而不是 {tag}</translation>
    </message>
    <message>
        <source>a tag cannot be empty</source>
        <translation>标签不能为空</translation>
    </message>
    <message>
        <source>{value} is not a UUID</source>
        <translation>{value} 不是 UUID</translation>
    </message>
    <message>
        <source>annotation {uuid} has no version {version}</source>
        <translation>批注 {uuid} 没有版本 {version}</translation>
    </message>
    <message>
        <source>annotation {uuid} belongs to {target}, not {other}</source>
        <translation>批注 {uuid} 属于 {target}，而不是 {other}</translation>
    </message>
    <message>
        <source>a saved view needs a name</source>
        <translation>保存的视图需要一个名称</translation>
    </message>
    <message>
        <source>a view&apos;s name is limited to {n} characters</source>
        <translation>视图名称最多 {n} 个字符</translation>
    </message>
    <message>
        <source>unknown lane grouping {name}</source>
        <translation>未知的泳道分组 {name}</translation>
    </message>
    <message>
        <source>no organization matches {name}</source>
        <translation>没有与 {name} 相符的机构</translation>
    </message>
    <message>
        <source>no organization with id {id}</source>
        <translation>没有编号为 {id} 的机构</translation>
    </message>
    <message>
        <source>cannot read {text} as a date or date range</source>
        <translation>无法把 {text} 读作日期或日期范围</translation>
    </message>
    <message>
        <source>cannot read {text} as a date range: it ends before it starts</source>
        <translation>无法把 {text} 读作日期范围：结束早于开始</translation>
    </message>
    <message>
        <source>cannot read {text} as a date: it starts with a dash</source>
        <translation>无法把 {text} 读作日期：它以短横线开头</translation>
    </message>
    <message>
        <source>cannot read {text} as a date: before the year 1 or after 9999 a date is known to the year only</source>
        <translation>无法把 {text} 读作日期：公元 1 年之前或 9999 年之后的日期只能精确到年</translation>
    </message>
    <message>
        <source>cannot read {text} as a date: {reason}</source>
        <translation>无法把 {text} 读作日期：{reason}</translation>
    </message>
    <message>
        <source>cannot read {text} as a date</source>
        <translation>无法把 {text} 读作日期</translation>
    </message>
    <message>
        <source>cannot read {text}: {reason}</source>
        <translation>无法读取 {text}：{reason}</translation>
    </message>
    <message>
        <source>year {year} is outside {low}..{high}</source>
        <translation>年份 {year} 超出 {low}..{high}</translation>
    </message>
    <message>
        <source>{year} can only be a year: months, days and qualifiers need a year from 1 to 9999</source>
        <translation>{year} 只能精确到年：月、日和限定词需要 1 至 9999 年之间的年份</translation>
    </message>
    <message>
        <source>month {month} is outside 1..12</source>
        <translation>月份 {month} 超出 1..12</translation>
    </message>
    <message>
        <source>hour and minute go together</source>
        <translation>小时和分钟须同时给出</translation>
    </message>
    <message>
        <source>a day needs a month</source>
        <translation>给出日须同时给出月</translation>
    </message>
    <message>
        <source>day {day} is outside 1..{last} for that month</source>
        <translation>日 {day} 超出该月的 1..{last}</translation>
    </message>
    <message>
        <source>a time needs a day</source>
        <translation>给出时间须同时给出日</translation>
    </message>
    <message>
        <source>{time} is not a time of day</source>
        <translation>{time} 不是一天中的时间</translation>
    </message>
    <message>
        <source>unknown qualifier {name}</source>
        <translation>未知的限定词 {name}</translation>
    </message>
    <message>
        <source>a qualifier cannot apply to a day</source>
        <translation>限定词不能用于具体某一天</translation>
    </message>
    <message>
        <source>{name} cannot apply to a month</source>
        <translation>{name} 不能用于月份</translation>
    </message>
    <message>
        <source>a bare number is not a time; write 09:00 or 9am</source>
        <translation>单独的数字不是时间；请写 09:00 或 9am</translation>
    </message>
    <message>
        <source>hour {hour} does not fit {ampm}</source>
        <translation>小时 {hour} 与 {ampm} 不符</translation>
    </message>
    <message>
        <source>a source&apos;s reliability is a letter A–F, not {value}</source>
        <translation>来源的可靠性是字母 A–F，而不是 {value}</translation>
    </message>
    <message>
        <source>a citation&apos;s credibility is a digit 1–6, not {value}</source>
        <translation>引用的可信度是数字 1–6，而不是 {value}</translation>
    </message>
    <message>
        <source>{value} is not a grade: a letter A–F (the source) and a digit 1–6 (the information), such as B2</source>
        <translation>{value} 不是评级：应为一个字母 A–F（来源）加一个数字 1–6（信息），例如 B2</translation>
    </message>
    <message>
        <source>a filter&apos;s range must end after it starts</source>
        <translation>筛选的时间范围必须结束于开始之后</translation>
    </message>
    <message>
        <source>row {n}</source>
        <translation>第 {n} 行</translation>
    </message>
    <message>
        <source>line {n}</source>
        <translation>第 {n} 行</translation>
    </message>
    <message>
        <source>row {n}: {reason}</source>
        <translation>第 {n} 行：{reason}</translation>
    </message>
    <message>
        <source>line {n}: {reason}</source>
        <translation>第 {n} 行：{reason}</translation>
    </message>
    <message>
        <source>a column mapping does not apply to TimelineJS files</source>
        <translation>列映射不适用于 TimelineJS 文件</translation>
    </message>
    <message>
        <source>unknown format {name}; choose from {choices}</source>
        <translation>未知格式 {name}；请从以下选择：{choices}</translation>
    </message>
    <message>
        <source>import of {name} cancelled; nothing was written</source>
        <translation>{name} 的导入已取消；什么也没有写入</translation>
    </message>
    <message>
        <source>the import&apos;s scratch files in {path} could not be written ({reason}); is the temporary folder full? Nothing was written</source>
        <translation>无法写入导入的临时文件（位于 {path}）：{reason}；临时文件夹是否已满？未写入任何内容</translation>
    </message>
    <message>
        <source>the import&apos;s reader process failed: {reason}</source>
        <translation>导入的读取进程出错：{reason}</translation>
    </message>
    <message>
        <source>the import&apos;s reader process stopped ({reason})</source>
        <translation>导入的读取进程已停止（{reason}）</translation>
    </message>
    <message>
        <source>{name}: {n} of {total} rows cannot be imported (first: {first}); nothing was written (fix them, or import the rest with --partial)</source>
        <translation>{name}：{total} 行中有 {n} 行无法导入（第一处：{first}）；什么也没有写入（请修正这些行，或只导入其余的行）</translation>
    </message>
    <message>
        <source>{name}: {n} of {total} rows cannot be imported; nothing was written (fix them, or import the rest with --partial)</source>
        <translation>{name}：{total} 行中有 {n} 行无法导入；什么也没有写入（请修正这些行，或只导入其余的行）</translation>
    </message>
    <message>
        <source>{name}: a row cannot be imported (first: {first}); the file changed since it was checked; nothing was written (fix them, or import the rest with --partial)</source>
        <translation>{name}：有一行无法导入（第一处：{first}）；文件在检查之后发生了变化；什么也没有写入（请修正，或只导入其余的行）</translation>
    </message>
    <message>
        <source>{name} holds no JSON object per line (it has none)</source>
        <translation>{name} 不是每行一个 JSON 对象（其中一个也没有）</translation>
    </message>
    <message>
        <source>{name} holds no JSON object per line: {reason}</source>
        <translation>{name} 不是每行一个 JSON 对象：{reason}</translation>
    </message>
    <message>
        <source>is {type}, not an object</source>
        <translation>是{type}，不是对象</translation>
    </message>
    <message>
        <source>is longer than {n} MB</source>
        <translation>超过 {n} MB</translation>
    </message>
    <message>
        <source>is not UTF-8 text (byte {byte} at offset {offset}); save the file as UTF-8</source>
        <translation>不是 UTF-8 文本（偏移 {offset} 处的字节 {byte}）；请将文件另存为 UTF-8</translation>
    </message>
    <message>
        <source>is nested too deeply to read</source>
        <translation>嵌套过深，无法读取</translation>
    </message>
    <message>
        <source>is not valid JSON ({reason})</source>
        <translation>不是有效的 JSON（{reason}）</translation>
    </message>
    <message>
        <source>the line {reason}</source>
        <translation>该行{reason}</translation>
    </message>
    <message>
        <source>a JSON object is expected, not {type}</source>
        <translation>这里应为 JSON 对象，而不是{type}</translation>
    </message>
    <message>
        <source>not in the first object (mapped anyway): {names}</source>
        <translation>第一个对象中没有（仍已映射）：{names}</translation>
    </message>
    <message>
        <source>the first object has no title field (message, title, ...)</source>
        <translation>第一个对象没有标题字段（message、title 等）</translation>
    </message>
    <message>
        <source>unknown field {name} in the mapping; fields are {fields} (or &apos;{ignore}&apos; to leave a column out, &apos;{extra}&apos; to keep it in the summary)</source>
        <translation>映射中有未知字段 {name}；可用字段为 {fields}（或用 &apos;{ignore}&apos; 略过一列，用 &apos;{extra}&apos; 把它留在摘要中）</translation>
    </message>
    <message>
        <source>{name}: no column for the title (columns: {columns}); name one with --map COLUMN=title</source>
        <translation>{name}：没有用作标题的列（各列：{columns}）；请在列映射中指定一列作为标题</translation>
    </message>
    <message>
        <source>{name}: no column for the date (columns: {columns}); name one with --map COLUMN=start</source>
        <translation>{name}：没有用作日期的列（各列：{columns}）；请在列映射中指定一列作为开始日期</translation>
    </message>
    <message>
        <source>no date (datetime or timestamp)</source>
        <translation>没有日期（datetime 或 timestamp）</translation>
    </message>
    <message>
        <source>{name} has no header row naming its columns</source>
        <translation>{name} 没有列名标题行</translation>
    </message>
    <message>
        <source>{name} row {n}: cannot read it as CSV ({reason})</source>
        <translation>{name} 第 {n} 行：无法按 CSV 读取（{reason}）</translation>
    </message>
    <message>
        <source>{name}: not {encoding} text ({reason})</source>
        <translation>{name}：不是 {encoding} 文本（{reason}）</translation>
    </message>
    <message>
        <source>the file has no column {column} (its columns: {columns})</source>
        <translation>文件中没有列 {column}（其各列：{columns}）</translation>
    </message>
    <message>
        <source>both {column} and {other} are mapped to {field}</source>
        <translation>{column} 和 {other} 都映射到了 {field}</translation>
    </message>
    <message>
        <source>&apos;timestamp&apos; should be microseconds since 1970, not {value}</source>
        <translation>&apos;timestamp&apos; 应为自 1970 年起的微秒数，而不是 {value}</translation>
    </message>
    <message>
        <source>{name}: the header is not UTF-8 text (byte {byte} at offset {offset}); save as UTF-8</source>
        <translation>{name}：标题行不是 UTF-8 文本（偏移 {offset} 处的字节 {byte}）；请另存为 UTF-8</translation>
    </message>
    <message>
        <source>{name}: the header is not UTF-8 text; save as UTF-8</source>
        <translation>{name}：标题行不是 UTF-8 文本；请另存为 UTF-8</translation>
    </message>
    <message>
        <source>{name}: cannot read the header as CSV ({reason})</source>
        <translation>{name}：无法按 CSV 读取标题行（{reason}）</translation>
    </message>
    <message>
        <source>the time {value} is out of range: in UTC it falls outside the years 1 to 9999</source>
        <translation>时间 {value} 超出范围：按 UTC 计不在 1 至 9999 年之间</translation>
    </message>
    <message>
        <source>the time {value} is out of range: {reason}</source>
        <translation>时间 {value} 超出范围：{reason}</translation>
    </message>
    <message>
        <source>{n} values, but the header names {width} columns</source>
        <translation>有 {n} 个值，但标题行列出 {width} 列</translation>
    </message>
    <message>
        <source>columns kept in the summary&apos;s &apos;extra:&apos; line: {names}</source>
        <translation>保留在摘要 &apos;extra:&apos; 行中的列：{names}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not UTF-8 text (byte {byte}); save the file as UTF-8</source>
        <translation>&apos;{name}&apos; 不是 UTF-8 文本（字节 {byte}）；请将文件另存为 UTF-8</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not UTF-8 text (byte {byte} at offset {offset}); save the file as UTF-8</source>
        <translation>&apos;{name}&apos; 不是 UTF-8 文本（偏移 {offset} 处的字节 {byte}）；请将文件另存为 UTF-8</translation>
    </message>
    <message>
        <source>&apos;era&apos; should be yes or no, not {value}</source>
        <translation>&apos;era&apos; 应为 yes 或 no，而不是 {value}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; should be text, not {type}</source>
        <translation>&apos;{name}&apos; 应为文本，而不是{type}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is {size} kB, more than the {limit} kB limit</source>
        <translation>&apos;{name}&apos; 有 {size} kB，超过 {limit} kB 的上限</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; contains a NUL character</source>
        <translation>&apos;{name}&apos; 含有 NUL 字符</translation>
    </message>
    <message>
        <source>no start date</source>
        <translation>没有开始日期</translation>
    </message>
    <message>
        <source>the end {end} is before the start {start}</source>
        <translation>结束 {end} 早于开始 {start}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is too long to be a date ({n} characters)</source>
        <translation>&apos;{name}&apos; 太长，不可能是日期（{n} 个字符）</translation>
    </message>
    <message>
        <source>the key is longer than {n} characters</source>
        <translation>键超过 {n} 个字符</translation>
    </message>
    <message>
        <source>the key contains control characters</source>
        <translation>键含有控制字符</translation>
    </message>
    <message>
        <source>no title</source>
        <translation>没有标题</translation>
    </message>
    <message>
        <source>{where}.{name} should be a whole number, not {value}</source>
        <translation>{where}.{name} 应为整数，而不是 {value}</translation>
    </message>
    <message>
        <source>{where}.{name} should be a number, not true/false</source>
        <translation>{where}.{name} 应为数字，而不是 true/false</translation>
    </message>
    <message>
        <source>no headline, text or media to name the event</source>
        <translation>没有可用来命名事件的 headline、text 或 media</translation>
    </message>
    <message>
        <source>{where} should be an object with a year</source>
        <translation>{where} 应为带有 year 的对象</translation>
    </message>
    <message>
        <source>{where} has no year</source>
        <translation>{where} 没有 year</translation>
    </message>
    <message>
        <source>{where}: the year {year} is as far as Dossier goes (20 billion years either way)</source>
        <translation>{where}：年份 {year} 已是 Dossier 的极限（前后各 200 亿年）</translation>
    </message>
    <message>
        <source>{name} is larger than {n} MB</source>
        <translation>{name} 大于 {n} MB</translation>
    </message>
    <message>
        <source>{name} is not a TimelineJS file: it has no &apos;events&apos; list</source>
        <translation>{name} 不是 TimelineJS 文件：没有 &apos;events&apos; 列表</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (byte {byte} at offset {offset}); save it as UTF-8</source>
        <translation>{name} 不是 UTF-8 文本（偏移 {offset} 处的字节 {byte}）；请另存为 UTF-8</translation>
    </message>
    <message>
        <source>{name} is nested too deeply to be TimelineJS</source>
        <translation>{name} 嵌套过深，不可能是 TimelineJS</translation>
    </message>
    <message>
        <source>{name} is not valid JSON ({reason})</source>
        <translation>{name} 不是有效的 JSON（{reason}）</translation>
    </message>
    <message>
        <source>{name}: &apos;{field}&apos; should be a list</source>
        <translation>{name}：&apos;{field}&apos; 应为列表</translation>
    </message>
    <message>
        <source>a slide should be an object</source>
        <translation>幻灯片应为对象</translation>
    </message>
    <message>
        <source>&apos;text&apos; should be an object with a headline</source>
        <translation>&apos;text&apos; 应为带有 headline 的对象</translation>
    </message>
    <message>
        <source>dossier.orgs should be a list of names</source>
        <translation>dossier.orgs 应为名称列表</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is nested too deeply to keep</source>
        <translation>&apos;{name}&apos; 嵌套过深，无法保留</translation>
    </message>
    <message>
        <source>the title slide is the timeline&apos;s title, not an event</source>
        <translation>标题幻灯片是时间线的标题，不是事件</translation>
    </message>
    <message>
        <source>the title slide ({name}) is the timeline&apos;s title, not an event</source>
        <translation>标题幻灯片（{name}）是时间线的标题，不是事件</translation>
    </message>
    <message>
        <source>database disk image is malformed</source>
        <translation>数据库磁盘映像已损坏</translation>
    </message>
    <message>
        <source>file is not a database</source>
        <translation>文件不是数据库</translation>
    </message>
    <message>
        <source>database is locked</source>
        <translation>数据库已被锁定</translation>
    </message>
    <message>
        <source>disk I/O error</source>
        <translation>磁盘读写错误</translation>
    </message>
    <message>
        <source>attempt to write a readonly database</source>
        <translation>试图写入只读数据库</translation>
    </message>
    <message>
        <source>unable to open database file</source>
        <translation>无法打开数据库文件</translation>
    </message>
    <message>
        <source>database or disk is full</source>
        <translation>数据库或磁盘已满</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}：{reason}</translation>
    </message>
    <message>
        <source>org</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>说法</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>citation</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>annotation</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>parent</source>
        <translation>上级机构</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>所属机构</translation>
    </message>
    <message>
        <source>claimant</source>
        <translation>提出者</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>target kind</source>
        <translation>目标类型</translation>
    </message>
    <message>
        <source>founded</source>
        <translation>成立</translation>
    </message>
    <message>
        <source>released</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>as of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>since</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <source>credibility</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>reason for the credibility</source>
        <translation>可信度的理由</translation>
    </message>
    <message>
        <source>reason for the reliability</source>
        <translation>可靠性的理由</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>… and {n} more</source>
        <extracomment>Events listed by name at most; the rest are counted.</extracomment>
        <translation>… 另有 {n} 个</translation>
    </message>
    <message>
        <source>Zoom to fit these {n} events</source>
        <translation>缩放以显示这 {n} 个事件</translation>
    </message>
    <message>
        <source>{n} events here: click for the list, double-click to zoom to them</source>
        <extracomment>A wheel notch (15 degrees) zooms by 18 %.</extracomment>
        <translation>此处有 {n} 个事件：单击查看列表，双击缩放到这些事件</translation>
    </message>
    <message>
        <source>{n} events selected</source>
        <translation>已选择 {n} 个事件</translation>
    </message>
    <message>
        <source>Edit event…</source>
        <translation>编辑事件…</translation>
    </message>
    <message>
        <source>Open dossier of {name}</source>
        <translation>打开 {name} 的档案</translation>
    </message>
    <message>
        <source>Open dossier of …</source>
        <translation>打开…的档案</translation>
    </message>
    <message>
        <source>Lanes: organization</source>
        <translation>泳道：按机构</translation>
    </message>
    <message>
        <source>Lanes: event kind</source>
        <translation>泳道：按事件类型</translation>
    </message>
    <message>
        <source>Lanes: none</source>
        <translation>泳道：不分组</translation>
    </message>
    <message>
        <source>Order: name</source>
        <translation>排序：名称</translation>
    </message>
    <message>
        <source>Order: first event</source>
        <translation>排序：首个事件</translation>
    </message>
    <message>
        <source>Order: event count</source>
        <translation>排序：事件数</translation>
    </message>
    <message>
        <source>&amp;Hide empty lanes</source>
        <translation>隐藏空泳道(&amp;H)</translation>
    </message>
    <message>
        <source>Hide the lanes that have nothing in the visible range</source>
        <translation>隐藏在可见范围内没有内容的泳道</translation>
    </message>
    <message>
        <source>Go to &amp;lane…</source>
        <translation>转到泳道(&amp;L)…</translation>
    </message>
    <message>
        <source>Go to lane (Ctrl+L)</source>
        <translation>转到泳道（Ctrl+L）</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>缩小（-）</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Fit all (Home)</source>
        <translation>显示全部（Home）</translation>
    </message>
    <message>
        <source>No lane named “{name}” has events</source>
        <translation>没有名为“{name}”且含有事件的泳道</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>d MMM yyyy HH:mm</source>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
    <message>
        <source>cannot draw the timeline as {format}; choose {formats}</source>
        <extracomment>The tallest image drawn (lanes beyond it are left out).</extracomment>
        <translation>无法将时间线绘制为 {format}；请选择 {formats}</translation>
    </message>
    <message>
        <source>an image size of {w}x{h} is out of range</source>
        <translation>图像尺寸 {w}x{h} 超出范围</translation>
    </message>
    <message>
        <source>could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <source>{n} events in view: zoom in to read them</source>
        <translation>视图内有 {n} 个事件：放大以查看</translation>
    </message>
    <message>
        <source>No organization</source>
        <translation>无机构</translation>
    </message>
    <message>
        <source>Overview</source>
        <extracomment>Pixel columns per histogram bar: a bar BIN_PX - 1 wide and a one-pixel gap.</extracomment>
        <translation>总览</translation>
    </message>
    <message>
        <source>{n} event</source>
        <translation>{n} 个事件</translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation>{n} 个事件</translation>
    </message>
    <message>
        <source>▴ fewer rows</source>
        <translation>▴ 收起</translation>
    </message>
    <message>
        <source>▾ {n} more</source>
        <translation>▾ 还有 {n} 个</translation>
    </message>
    <message>
        <source>Preparing the timeline for its events…</source>
        <translation>正在为事件准备时间线…</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
</context>
</TS>
