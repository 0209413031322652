package io.linli.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import io.linli.LinliSpringTest;
import io.linli.PersonalDataSearch;
import io.linli.cases.CaseRetention;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Integration tier: retention of a topic's free text (ConsultationRetention through
 * cases.CaseRetention). A topic proposed with a description, reviewed with a reason, voted on with
 * comments, executed and rated with a comment closes; past the free-text retention none of those
 * texts is left in the database (the flow's tables, the engine's variables and history), while the
 * public record (title, tallies, the plan and result) stays.
 */
@LinliSpringTest
class ConsultationRetentionTest {

  static final Map<String, String> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put("description", "三号楼东侧围墙破损由住户公孙反映");
    VALUES.put("review reason (Tasklist)", "公孙家反映属实同意受理");
    VALUES.put("vote comment", "公孙先生认为费用偏高");
    VALUES.put("rating comment", "公孙阿姨觉得修得不够好");
  }

  @Autowired ConsultationScenario scenario;
  @Autowired ConsultationProposals proposals;
  @Autowired ConsultationVotes votes;
  @Autowired ConsultationRatings ratings;
  @Autowired CaseRetention retention;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("议题保留期满：议题描述、审核意见、表决意见、评价意见清除；标题、表决结果与办理结果保留")
  void topicFreeTextIsGone() {
    scenario.pinClock();
    PersonalDataSearch search = new PersonalDataSearch(jdbc, VALUES, null);
    String topicNo =
        proposals
            .propose(
                new ConsultationProposals.Proposal(
                    ConsultationScenario.COMMUNITY,
                    ConsultationScenario.ESTATE,
                    TopicCategory.PUBLIC_FACILITY,
                    "修复三号楼围墙",
                    VALUES.get("description"),
                    "resident1",
                    ProposerRole.RESIDENT))
            .topicNo();
    ConsultationScenario.Topic t = scenario.topic(topicNo);
    scenario.endCollection(t);
    scenario.review(t, ReviewDecision.ACCEPT, null, VALUES.get("review reason (Tasklist)"));
    scenario.scheduleMeeting(t, Duration.ofDays(1));
    for (int n = 1; n <= ConsultationScenario.REPRESENTATIVES; n++) {
      votes.vote(
          topicNo,
          ConsultationScenario.representative(n),
          VoteChoice.AGREE,
          n == 1 ? VALUES.get("vote comment") : null);
    }
    scenario.executeDueJobs(t);
    scenario.plan(t, null);
    scenario.execute(t);
    ratings.rate(topicNo, "resident-rt-1", Satisfaction.DISSATISFIED, VALUES.get("rating comment"));
    scenario.rate(t, 8, 0, 0);
    scenario.endEvaluation(t);
    assertThat(
            jdbc.sql("select state from consultation_topic where topic_no = ?")
                .param(topicNo)
                .query(String.class)
                .single())
        .isEqualTo("CLOSED");
    for (String label : VALUES.keySet()) {
      assertThat(search.hits())
          .as("%s is found while kept", label)
          .anySatisfy(h -> assertThat(h).contains(": " + label + " ("));
    }

    // when
    scenario.advance(Duration.ofDays(181));
    assertThat(retention.purge()).isPositive();

    // then
    assertThat(search.hits()).as("the topic's free text anywhere in the database").isEmpty();
    assertThat(
            jdbc.sql(
                    """
            select t.title || ' ' || e.result || ' ' || (select count(*) from consultation_vote v where v.topic_id = t.id)
            from consultation_topic t join consultation_execution e on e.topic_id = t.id where t.topic_no = ?""")
                .param(topicNo)
                .query(String.class)
                .single())
        .isEqualTo("修复三号楼围墙 已按方案完成 33");
  }
}
