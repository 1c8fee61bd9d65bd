# Runs the jar built by `./mvnw -DskipTests package` (app/target/muster-app-*.jar).
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 muster
WORKDIR /opt/muster
COPY app/target/muster-app-*.jar muster.jar
USER muster
EXPOSE 8640
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/muster/muster.jar"]
